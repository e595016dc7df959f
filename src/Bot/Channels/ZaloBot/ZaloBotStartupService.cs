using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>
/// At start: checks the token (getMe), in webhook mode registers the webhook with its secret, and says in one line how
/// the channel runs. Retries with backoff in the background, so an unreachable platform never blocks the host.
/// </summary>
internal sealed partial class ZaloBotStartupService(
    ZaloBotClient client,
    IOptions<ZaloBotOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<ZaloBotStartupService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up calls have all succeeded.</summary>
    public Task Completed => _completed.Task;

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
#pragma warning disable CA1031 // Start-up calls are retried until the platform answers; any failure is logged and retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(ex, backoff);
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
        var settings = options.Value;
        var me = await client.CallAsync<ZaloBotMe>("getMe", null, ct).ConfigureAwait(false);
        var name = me?.AccountName ?? me?.DisplayName ?? "(no name)";
        if (settings.WebhookUrl is { Length: > 0 } url)
        {
            var secret = services.GetRequiredService<ZaloBotWebhookSecret>();
            if (secret.ConfiguredDiffers)
            {
                // Registering it would lock out every host that uses the shared one; this host verifies with the shared one.
                LogSecretDiffers();
            }
            else
            {
                await client.CallAsync("setWebhook", new { url, secret_token = secret.Value }, ct).ConfigureAwait(false);
            }

            if (!new Uri(url).AbsolutePath.TrimEnd('/').EndsWith(ZaloBotWebhookEndpoint.Path, StringComparison.OrdinalIgnoreCase))
            {
                LogWebhookPathMismatch(url, ZaloBotWebhookEndpoint.Path);
            }
        }

        var photos = settings.PhotoBase?.ToString();
        LogOn(name, me?.Id ?? "?", settings.IsWebhookMode ? $"webhook at {settings.WebhookUrl}" : "polling with getUpdates",
            photos ?? "nowhere (set ZaloBot:PublicBaseUrl to send stored photos)");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo bot {BotName} ({BotId}) is on: {Mode}; no buttons, so choices are numbered; photos served from {PhotoBase}")]
    private partial void LogOn(string botName, string botId, string mode, string photoBase);

    [LoggerMessage(Level = LogLevel.Error, Message = "ZaloBot:SecretToken differs from the webhook secret the hosts on this database registered; this host "
        + "does not call setWebhook and accepts the registered secret. Give every host the same ZaloBot:SecretToken, or none (they then share a generated "
        + "one); to change it, see docs/SCALING.md")]
    private partial void LogSecretDiffers();

    [LoggerMessage(Level = LogLevel.Warning, Message = "ZaloBot:WebhookUrl {WebhookUrl} does not end with {Path}, where this host listens")]
    private partial void LogWebhookPathMismatch(string webhookUrl, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo bot start-up calls failed; retrying in {Backoff}")]
    private partial void LogFailed(Exception ex, TimeSpan backoff);
}
