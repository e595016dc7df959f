using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Hosting;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>
/// Polling mode: getUpdates hands over one event per call and has no offset to confirm it with, so the platform will
/// not give an event again once it answered. Each event is therefore held here until the inbox has recorded it
/// (retried with backoff), and only then is the next one asked for.
/// </summary>
internal sealed partial class ZaloBotPollingService(
    ZaloBotClient client,
    ZaloBotUpdateMapper mapper,
    IServiceScopeFactory scopes,
    IOptions<ZaloBotOptions> options,
    TimeProvider time,
    ILogger<ZaloBotPollingService> logger) : BackgroundService
{
    // The platform's "nothing arrived within the timeout".
    internal const int NoUpdateErrorCode = 408;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var webhookDeleted = false;
        var backoff = FirstBackoff;
        LogStarted();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!webhookDeleted)
                {
                    // getUpdates answers nothing while a webhook is set (left by an earlier run in webhook mode).
                    await client.CallAsync("deleteWebhook", null, stoppingToken).ConfigureAwait(false);
                    webhookDeleted = true;
                }

                if (await NextAsync(stoppingToken).ConfigureAwait(false) is { } raw)
                {
                    await HandOverAsync(raw, stoppingToken).ConfigureAwait(false);
                }

                backoff = FirstBackoff;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The receive loop must outlive network failures and platform errors alike.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPollFailed(ex, backoff);
                if (!await DelayAsync(backoff, stoppingToken).ConfigureAwait(false))
                {
                    break;
                }

                backoff = Next(backoff);
            }
        }

        LogStopped();
    }

    /// <summary>The next event's JSON, or null when none arrived within the timeout.</summary>
    private async Task<string?> NextAsync(CancellationToken ct)
    {
        try
        {
            var timeout = options.Value.PollingTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var result = await client.CallAsync("getUpdates", new { timeout }, ct).ConfigureAwait(false);
            return result is { ValueKind: JsonValueKind.Object } update ? update.GetRawText() : null;
        }
        catch (ZaloBotApiException ex) when (ex.ErrorCode == NoUpdateErrorCode)
        {
            return null;
        }
    }

    /// <summary>Records the event in the inbox, retrying until it is in: the platform will not hand it over again.</summary>
    private async Task HandOverAsync(string raw, CancellationToken ct)
    {
        InboundMessage? message;
        try
        {
            message = mapper.Map(ZaloBotUpdateMapper.Parse(raw));
        }
        catch (JsonException ex)
        {
            LogPoison(UntrustedText.ForLog(ex.Message, 300));
            return;
        }

        if (message is null)
        {
            return;
        }

        var backoff = FirstBackoff;
        while (true)
        {
            try
            {
                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var fresh = await scope.ServiceProvider.GetRequiredService<IInboundSink>().AcceptAsync(message, raw, ct).ConfigureAwait(false);
                    if (!fresh)
                    {
                        LogDuplicate(message.UpdateId);
                    }

                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogInboxFailed(ex, message.UpdateId, backoff);
                if (!await DelayAsync(backoff, ct).ConfigureAwait(false))
                {
                    return;
                }

                backoff = Next(backoff);
            }
        }
    }

    private static TimeSpan Next(TimeSpan backoff) => TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo bot polling started")]
    private partial void LogStarted();

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo bot polling stopped")]
    private partial void LogStopped();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo bot polling failed; retrying in {Backoff}")]
    private partial void LogPollFailed(Exception ex, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo bot getUpdates gave something that is not an event ({Detail}); dropped")]
    private partial void LogPoison(string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Zalo bot message {MessageId} was already in the inbox")]
    private partial void LogDuplicate(string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox refused Zalo bot message {MessageId}; holding it and retrying in {Backoff} before polling again")]
    private partial void LogInboxFailed(Exception ex, string messageId, TimeSpan backoff);
}
