using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>
/// At start: learns our username (getMe), publishes the command menu in Vietnamese (default) and English, and in
/// webhook mode registers the webhook with its secret. Retries with backoff in the background, so an unreachable
/// Telegram never blocks the host from starting.
/// </summary>
internal sealed class TelegramStartupService(
    ITelegramBotClient client,
    TelegramBotIdentity identity,
    IOptions<TelegramOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<TelegramStartupService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>Completes when the start-up calls have all succeeded.</summary>
    public Task Completed => _completed.Task;

    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                _completed.TrySetResult();
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Start-up calls are retried until Telegram answers; any failure is logged and retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Telegram start-up calls failed; retrying in {Backoff}", backoff);
                try
                {
                    await Task.Delay(backoff, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        var me = await client.GetMe(ct).ConfigureAwait(false);
        identity.Username = options.Value.BotUsername ?? me.Username;
        logger.LogInformation("Telegram bot is @{BotUsername} ({BotId})", identity.Username, me.Id);

        await client.SetMyCommands(TelegramCommandList.For(CultureInfo.GetCultureInfo("vi")), cancellationToken: ct).ConfigureAwait(false);
        await client.SetMyCommands(TelegramCommandList.For(CultureInfo.GetCultureInfo("en")), languageCode: "en", cancellationToken: ct).ConfigureAwait(false);

        if (options.Value.WebhookUrl is { Length: > 0 } url)
        {
            var secret = services.GetRequiredService<TelegramWebhookSecret>();
            if (secret.ConfiguredDiffers)
            {
                // Registering it would lock out every host that uses the shared one; this host verifies with the shared one.
                logger.LogError(
                    "Telegram:SecretToken differs from the webhook secret the hosts on this database registered; this host does not call setWebhook "
                    + "and accepts the registered secret. Give every host the same Telegram:SecretToken, or none (they then share a generated one); "
                    + "to change it, see docs/SCALING.md");
                return;
            }

            await client.SetWebhook(url, secretToken: secret.Value, allowedUpdates: TelegramPollingService.AllowedUpdates,
                cancellationToken: ct).ConfigureAwait(false);
            logger.LogInformation("Telegram webhook set to {WebhookUrl}", url);
            if (!url.TrimEnd('/').EndsWith(TelegramWebhookEndpoint.Path, StringComparison.OrdinalIgnoreCase))
            {
                logger.LogWarning("Telegram:WebhookUrl {WebhookUrl} does not end with {Path}, where this host listens", url, TelegramWebhookEndpoint.Path);
            }
        }
    }
}
