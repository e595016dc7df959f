using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Hosting;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Outbox;

/// <summary>
/// Delivers outbox messages: oldest first, in order per chat, paced under the channel's limits, retried on
/// 429 (after the wait asked for), 5xx and network errors (with backoff). A message is never dropped: one
/// the channel refuses for good is marked Failed and kept with its error.
/// </summary>
internal sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    IEnumerable<IChannelSender> senders,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private readonly Dictionary<string, IChannelSender> byChannel = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);
    private readonly DeliveryPacer pacer = new(time, options.Value.MessagesPerSecond, options.Value.PerChatInterval);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int delivered;
            try
            {
                delivered = await DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(ex);
                delivered = 0;
            }

            if (delivered == 0)
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>One pass over due messages; returns how many were attempted.</summary>
    internal async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var now = time.GetUtcNow();
        var channels = byChannel.Keys.ToArray();
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && channels.Contains(m.Channel))
            .OrderBy(m => m.Id)
            .Take(200)
            .ToListAsync(cancellationToken);

        var batch = TakePaced(due);
        if (batch.Count == 0)
        {
            return 0;
        }

        // Chats are independent, so their round trips overlap; one chat's messages stay in order.
        await Parallel.ForEachAsync(
            batch.GroupBy(m => (m.Channel, m.Recipient)),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = cancellationToken },
            async (chat, ct) =>
            {
                foreach (var message in chat)
                {
                    await DeliverAsync(message, ct);
                }
            });

        await db.SaveChangesAsync(cancellationToken);
        return batch.Count;
    }

    private List<OutboxMessage> TakePaced(List<OutboxMessage> due)
    {
        var blocked = new HashSet<(string, string)>();
        var batch = new List<OutboxMessage>();
        foreach (var message in due)
        {
            var chat = (message.Channel, message.Recipient);
            if (blocked.Contains(chat))
            {
                continue;
            }

            if (pacer.TryTake($"{message.Channel}:{message.Recipient}", out _))
            {
                batch.Add(message);
            }
            else
            {
                blocked.Add(chat);
            }
        }

        return batch;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        message.Attempts++;
        try
        {
            var externalId = await byChannel[message.Channel].SendAsync(message.Recipient, OutboxWriter.Read(message), cancellationToken);
            message.Status = OutboxStatus.Sent;
            message.SentAt = time.GetUtcNow();
            message.ExternalMessageId = externalId;
            message.LastError = null;
            await MarkSentAsync(message, CancellationToken.None);
        }
        catch (DeliveryException ex) when (ex.Kind == DeliveryFailure.RateLimited)
        {
            var wait = ex.RetryAfter ?? TimeSpan.FromSeconds(1);
            pacer.Pause($"{message.Channel}:{message.Recipient}", wait);
            Retry(message, wait, ex.Message);
        }
        catch (DeliveryException ex) when (ex.Kind == DeliveryFailure.Permanent)
        {
            message.Status = OutboxStatus.Failed;
            message.LastError = ex.Message;
            LogPermanentFailure(message.Id, message.Channel, message.Recipient, ex.Message);
        }
        catch (Exception ex) when (ex is DeliveryException or HttpRequestException or TimeoutException or TaskCanceledException
                                   && !cancellationToken.IsCancellationRequested)
        {
            var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, message.Attempts), options.Value.MaxBackoff.TotalSeconds));
            Retry(message, backoff, ex.Message);
        }
    }

    // A channel has no idempotency key, so a message delivered but not marked would go out again after a crash.
    // Marking each one the moment the channel accepted it (its own short write, since chats are delivered in
    // parallel) shrinks that window from a whole batch to the message in flight.
    private async Task MarkSentAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, message.SentAt)
                .SetProperty(m => m.ExternalMessageId, message.ExternalMessageId)
                .SetProperty(m => m.Attempts, message.Attempts)
                .SetProperty(m => m.LastError, (string?)null),
            cancellationToken);
    }

    private void Retry(OutboxMessage message, TimeSpan wait, string error)
    {
        message.NextAttemptAt = time.GetUtcNow() + wait;
        message.LastError = error.Length > 500 ? error[..500] : error;
        LogRetry(message.Id, message.Attempts, wait, error);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox sweep failed; retrying")]
    private partial void LogSweepFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} to {Channel}:{Recipient} refused for good: {Error}")]
    private partial void LogPermanentFailure(long id, string channel, string recipient, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {Id} attempt {Attempt} failed; retry in {Wait}: {Error}")]
    private partial void LogRetry(long id, int attempt, TimeSpan wait, string error);
}
