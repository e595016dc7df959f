using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Hosting;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Persistence.Sqlite;

namespace ResidentBot.Bot.Outbox;

/// <summary>
/// Delivers outbox messages: oldest first, in order per chat, paced under the channel's limits, retried on
/// 429 (after the wait asked for), 5xx and network errors (with backoff). A message is never dropped: one
/// the channel refuses for good is marked Failed and kept with its error.
/// </summary>
internal sealed partial class OutboxSender : BackgroundService
{
    private readonly IServiceScopeFactory scopes;
    private readonly OutboxSignal signal;
    private readonly DatabaseWriteGate writeGate;
    private readonly TimeProvider time;
    private readonly IOptions<OutboxOptions> options;
    private readonly ILogger<OutboxSender> logger;
    private readonly Dictionary<string, IChannelSender> byChannel;
    private readonly DeliveryPacer pacer;

    // Each attempt's outcome ("sent", "retry at", "failed") is written the moment the channel answered, with those
    // of the other chats delivered meanwhile in one transaction.
    private readonly GroupCommit<OutboxMessage, bool> outcomes;

    public OutboxSender(
        IServiceScopeFactory scopes,
        IEnumerable<IChannelSender> senders,
        OutboxSignal signal,
        DatabaseWriteGate writeGate,
        TimeProvider time,
        IOptions<OutboxOptions> options,
        ILogger<OutboxSender> logger)
    {
        this.scopes = scopes;
        this.signal = signal;
        this.writeGate = writeGate;
        this.time = time;
        this.options = options;
        this.logger = logger;
        byChannel = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);
        pacer = new DeliveryPacer(time, options.Value.MessagesPerSecond, options.Value.PerChatInterval);
        outcomes = new GroupCommit<OutboxMessage, bool>(WriteOutcomesAsync, maxBatch: 64); // bounds how long the write gate is held
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The outcome writer outlives the delivery loop so the marks of messages already delivered are kept.
        using var loopEnded = new CancellationTokenSource();
        var writer = outcomes.RunAsync(loopEnded.Token);
        try
        {
            await DeliverLoopAsync(stoppingToken);
        }
        finally
        {
            await loopEnded.CancelAsync();
            await writer;
        }
    }

    // Chats are independent, so their round trips overlap; one chat's messages go one after another, in order.
    // Due messages are read into a backlog when new ones were committed (or the poll interval passed); a chat that
    // finishes frees its slot at once and the next chat is started from the backlog without another look-up.
    private async Task DeliverLoopAsync(CancellationToken stoppingToken)
    {
        var inFlight = new Dictionary<(string Channel, string Recipient), Task>();
        var slotFreed = new WorkSignal();
        var backlog = new List<OutboxMessage>();
        Task<bool>? committed = null;
        Task<bool>? freed = null;
        var refresh = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? paceAt = null;
            foreach (var done in inFlight.Where(c => c.Value.IsCompleted).ToList())
            {
                inFlight.Remove(done.Key);
                if (done.Value.Exception is { } failed)
                {
                    LogSweepFailed(failed.GetBaseException());
                }
            }

            try
            {
                if (refresh)
                {
                    backlog = await LoadDueAsync(inFlight, stoppingToken);
                }

                paceAt = StartChats(backlog, inFlight, slotFreed, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(ex);
            }

            committed ??= signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            freed ??= slotFreed.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken);
            // A message held back by the pacer is tried again the moment it may go, not at the next poll.
            var paced = paceAt is { } at ? Task.Delay(Max(at - time.GetUtcNow(), TimeSpan.FromMilliseconds(1)), time, stoppingToken) : null;
            await Task.WhenAny(paced is null ? [committed, freed] : [committed, freed, paced]);
            refresh = committed.IsCompleted || (backlog.Count == 0 && freed.IsCompleted);
            committed = committed.IsCompleted ? null : committed;
            freed = freed.IsCompleted ? null : freed;
        }

        await Task.WhenAll(inFlight.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>
    /// The oldest due messages, leaving out chats being delivered to: what they still have waiting is read again once
    /// they finish (and their marks are saved), so a message is never taken twice.
    /// </summary>
    private async Task<List<OutboxMessage>> LoadDueAsync(Dictionary<(string Channel, string Recipient), Task> inFlight, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var now = time.GetUtcNow();
        var channels = byChannel.Keys.ToArray();
        var busy = inFlight.Keys.Select(c => c.Recipient).ToArray();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && channels.Contains(m.Channel) && !busy.Contains(m.Recipient))
            .OrderBy(m => m.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        return [.. due.Where(m => !inFlight.ContainsKey((m.Channel, m.Recipient)))];
    }

    /// <summary>
    /// Starts chats from the backlog, oldest first, while slots are free; what starts leaves the backlog. Returns when
    /// the pacer lets the first message it held back go, if it held one back.
    /// </summary>
    private DateTimeOffset? StartChats(List<OutboxMessage> backlog, Dictionary<(string Channel, string Recipient), Task> inFlight, WorkSignal slotFreed, CancellationToken cancellationToken)
    {
        var free = options.Value.Concurrency - inFlight.Count;
        if (free <= 0 || backlog.Count == 0)
        {
            return null;
        }

        // Chats are chosen before pacing, so no send slot is spent on a chat that gets no turn this time.
        var chats = backlog.Select(m => (m.Channel, m.Recipient)).Where(c => !inFlight.ContainsKey(c)).Distinct().Take(free).ToHashSet();
        var paced = TakePaced(backlog.Where(m => chats.Contains((m.Channel, m.Recipient))), out var retryAt);
        var started = paced.Select(m => m.Id).ToHashSet();
        backlog.RemoveAll(m => started.Contains(m.Id));
        foreach (var chat in paced.GroupBy(m => (m.Channel, m.Recipient)))
        {
            inFlight[chat.Key] = DeliverChatAsync([.. chat], slotFreed, cancellationToken);
        }

        return retryAt;
    }

    private async Task DeliverChatAsync(List<OutboxMessage> messages, WorkSignal slotFreed, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var message in messages)
            {
                await DeliverAsync(message, cancellationToken);
            }
        }
        finally
        {
            slotFreed.Notify();
        }
    }

    /// <summary>The messages the pacer lets go now; <paramref name="retryAt"/> is when the first one held back may go.</summary>
    private List<OutboxMessage> TakePaced(IEnumerable<OutboxMessage> due, out DateTimeOffset? retryAt)
    {
        retryAt = null;
        var blocked = new HashSet<(string, string)>();
        var batch = new List<OutboxMessage>();
        foreach (var message in due)
        {
            var chat = (message.Channel, message.Recipient);
            if (blocked.Contains(chat))
            {
                continue;
            }

            if (pacer.TryTake($"{message.Channel}:{message.Recipient}", out var at))
            {
                batch.Add(message);
            }
            else
            {
                blocked.Add(chat);
                retryAt = retryAt is { } earlier && earlier < at ? earlier : at;
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

        // Not cancellable: a message the channel accepted must keep its mark, or it would go out again.
        await outcomes.SubmitAsync(message, CancellationToken.None);
    }

    // A channel has no idempotency key, so a message delivered but not marked would go out again after a crash:
    // marks are written within milliseconds of delivery, and a chat's next message waits for its mark.
    private async Task<IReadOnlyList<bool>> WriteOutcomesAsync(IReadOnlyList<OutboxMessage> attempted, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var message in attempted)
            {
                await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Status, message.Status)
                        .SetProperty(m => m.Attempts, message.Attempts)
                        .SetProperty(m => m.SentAt, message.SentAt)
                        .SetProperty(m => m.ExternalMessageId, message.ExternalMessageId)
                        .SetProperty(m => m.NextAttemptAt, message.NextAttemptAt)
                        .SetProperty(m => m.LastError, message.LastError),
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return [.. attempted.Select(_ => true)];
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

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
