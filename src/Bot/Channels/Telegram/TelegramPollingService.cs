using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>
/// Long polling with our own getUpdates loop: the offset moves past an update only after the inbox accepted it, so an
/// update whose hand-over fails is fetched again (the library's receivers move the offset first).
/// </summary>
internal sealed class TelegramPollingService(
    ITelegramBotClient client,
    TelegramUpdateMapper mapper,
    IServiceScopeFactory scopes,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    // MyChatMember: being added to a group, so the group hears once where to reach the bot.
    internal static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var webhookDeleted = false;
        int? offset = null;
        var backoff = FirstBackoff;
        logger.LogInformation("Telegram long polling started");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!webhookDeleted)
                {
                    await client.DeleteWebhook(cancellationToken: stoppingToken).ConfigureAwait(false);
                    webhookDeleted = true;
                }

                var updates = await client.GetUpdates(offset, limit: 100, timeout: options.Value.PollingTimeoutSeconds,
                    allowedUpdates: AllowedUpdates, cancellationToken: stoppingToken).ConfigureAwait(false);
                foreach (var update in updates)
                {
                    await HandOverAsync(update, stoppingToken).ConfigureAwait(false);
                    offset = update.Id + 1;
                }

                backoff = FirstBackoff;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The receive loop must outlive network failures and inbox failures alike.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Telegram polling failed at offset {Offset}; retrying in {Backoff}", offset, backoff);
                if (!await DelayAsync(backoff, stoppingToken).ConfigureAwait(false))
                {
                    break;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }

        logger.LogInformation("Telegram long polling stopped");
    }

    private async Task HandOverAsync(Update update, CancellationToken ct)
    {
        if (mapper.Map(update) is not { } message)
        {
            logger.LogDebug("Telegram update {UpdateId} ({Type}) has no chat to answer; skipped", update.Id, update.Type);
            return;
        }

        var raw = JsonSerializer.Serialize(update, JsonBotAPI.Options);
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var sink = scope.ServiceProvider.GetRequiredService<IInboundSink>();
            var fresh = await sink.AcceptAsync(message, raw, ct).ConfigureAwait(false);
            if (!fresh)
            {
                logger.LogDebug("Telegram update {UpdateId} was already in the inbox", update.Id);
            }
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, time, ct).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
