using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Hosting;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Inbox;

namespace ResidentBot.Bot.Inbox;

/// <summary>
/// Handles recorded updates in arrival order. A turn's changes, the replies it queued and the entry's "handled"
/// mark are saved in the same transaction, so an update is handled exactly once even if the host dies half-way:
/// an entry that was not marked is simply handled again after restart. Consecutive turns share a transaction
/// (a batch, cut short after <see cref="MaxBatchTime"/> so webhook writers are not kept waiting); if one turn of
/// a batch fails, the batch is rolled back and its turns are redone one per transaction, so only the failing one
/// is counted as failed.
/// </summary>
internal sealed partial class InboxProcessor(
    IServiceScopeFactory scopes,
    InboxSignal inboxSignal,
    OutboxSignal outboxSignal,
    IWriteGate writeGate,
    InboxClaims claims,
    PhotoIntake photos,
    TimeProvider time,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    internal const int MaxAttempts = 5;
    internal const int MaxBatch = 64;

    // Measured on 2 cores: a turn takes 0.5–2 ms, so a batch holds the write lock for at most about this long.
    internal static readonly TimeSpan MaxBatchTime = TimeSpan.FromMilliseconds(10);

    // Answers to button presses (a network round trip each) overlap with the next turns instead of holding up
    // the loop; at most this many are in flight. The cap only guards against a dead network: at 16 the loop itself
    // stalled behind slow answers under load (p99 of all turns +300 ms in the intake benchmark).
    private readonly SemaphoreSlim answers = new(256);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await HandlePendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLoopFailed(ex);
            }

            if (handled == 0)
            {
                await inboxSignal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Handles every pending entry once; returns how many were processed.</summary>
    internal async Task<int> HandlePendingAsync(CancellationToken cancellationToken)
    {
        List<InboxEntry> pending;
        bool shared;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            shared = Persistence.Cluster.ClusterNode.MayBeShared(db);
            pending = await claims.TakeAsync(db, cancellationToken);
        }

        return await claims.WhileClaimedAsync(scopes, shared && pending.Count > 0, () => HandleAsync(pending, cancellationToken), cancellationToken);
    }

    private async Task<int> HandleAsync(List<InboxEntry> pending, CancellationToken cancellationToken)
    {
        // Photos are fetched and stored before the turns, outside the writers' transaction (a download takes seconds).
        await photos.PrepareAsync(pending, cancellationToken);

        var next = 0;
        while (next < pending.Count)
        {
            var batch = await HandleBatchAsync(pending, next, MaxBatch, cancellationToken);
            if (batch.Failure is null)
            {
                next += batch.Count;
                continue;
            }

            // Redo up to and including the failing turn one per transaction; only a turn that fails alone counts.
            var end = next + batch.Count;
            for (; next <= end; next++)
            {
                var single = await HandleBatchAsync(pending, next, 1, cancellationToken);
                if (single.Failure is { } failure)
                {
                    var entry = pending[next];
                    LogHandlingFailed(failure, entry.Id, entry.Channel, entry.ExternalId);
                    await RecordFailureAsync(entry.Id, failure, cancellationToken);
                }
            }
        }

        return pending.Count;
    }

    /// <summary>
    /// Handles up to <paramref name="limit"/> entries from <paramref name="start"/> in one transaction. Returns how
    /// many were handled and committed, or, when one failed, its offset from <paramref name="start"/> and the error
    /// (nothing of the batch is then kept).
    /// </summary>
    private async Task<(int Count, Exception? Failure)> HandleBatchAsync(
        List<InboxEntry> pending, int start, int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var dispatcher = scope.ServiceProvider.GetRequiredService<TurnDispatcher>();
        db.Database.AutoSavepointsEnabled = false; // a failing turn rolls the whole batch back anyway
        var afters = new List<Func<CancellationToken, Task>>();
        var count = 0;
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            var began = time.GetTimestamp();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                for (; count < limit && start + count < pending.Count && (count == 0 || time.GetElapsedTime(began) < MaxBatchTime); count++)
                {
                    if (await HandleTurnAsync(db, dispatcher, pending[start + count], cancellationToken) is { } after)
                    {
                        afters.Add(after);
                    }
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return (count, ex);
            }
        }

        outboxSignal.Notify();
        foreach (var after in afters)
        {
            await answers.WaitAsync(cancellationToken);
            _ = RunAfterAsync(after, cancellationToken);
        }

        return (count, null);
    }

    // The "handled" mark goes first: if another process took the entry meanwhile, the turn is skipped; if the turn
    // fails, the rollback takes the mark back with everything else.
    private async Task<Func<CancellationToken, Task>?> HandleTurnAsync(
        ResidentBotDbContext db, TurnDispatcher dispatcher, InboxEntry entry, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var marked = await db.InboxEntries.Where(e => e.Id == entry.Id && e.Status == InboxStatus.Pending).ExecuteUpdateAsync(
            s => s.SetProperty(e => e.Status, InboxStatus.Handled)
                .SetProperty(e => e.HandledAt, now)
                .SetProperty(e => e.Attempts, e => e.Attempts + 1),
            cancellationToken);
        if (marked == 0)
        {
            return null;
        }

        var message = InboxPayload.Read(entry);
        var after = await dispatcher.DispatchAsync(message, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (InboxSecrets.Scrub(message) is { } scrubbed)
        {
            await db.InboxEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Payload, scrubbed), cancellationToken);
        }

        db.ChangeTracker.Clear();
        return after;
    }

    // Best effort, as before: the turn is saved; a lost answer only leaves the button's spinner until Telegram drops it.
    private async Task RunAfterAsync(Func<CancellationToken, Task> after, CancellationToken cancellationToken)
    {
        try
        {
            await after(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAfterFailed(ex);
        }
        finally
        {
            answers.Release();
        }
    }

    // The failed attempt's changes are discarded: only the attempt count and error are kept.
    private async Task RecordFailureAsync(long id, Exception error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            var entry = await db.InboxEntries.SingleAsync(e => e.Id == id, cancellationToken);
            entry.Attempts++;
            entry.LastError = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
            if (entry.Attempts >= MaxAttempts)
            {
                entry.Status = InboxStatus.Failed;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox loop failed; retrying")]
    private partial void LogLoopFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering a button press after its turn failed")]
    private partial void LogAfterFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling inbox entry {Id} ({Channel} update {UpdateId}) failed")]
    private partial void LogHandlingFailed(Exception ex, long id, string channel, string updateId);
}
