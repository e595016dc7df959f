using ResidentBot.Bot.Attachments;
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await HandlePendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLoopFailed(ex);
            }

            if (!more)
            {
                await inboxSignal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>
    /// Handles every pending entry once. Returns whether entries may be pending that only another look-up finds now:
    /// the look-up was cut at <see cref="InboxClaims.MaxEntries"/>, a turn failed (its next attempt follows at once), or,
    /// with other hosts, the chats' next entries became heads. Otherwise any entry committed since was signalled (the
    /// loop consumed the signal before this look-up), so the loop waits for the signal instead of looking again after
    /// every batch: at low load that second look-up was one more scope and query per update.
    /// </summary>
    internal async Task<bool> HandlePendingAsync(CancellationToken cancellationToken)
    {
        List<InboxEntry> pending;
        bool shared;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            shared = Persistence.Cluster.ClusterNode.MayBeShared(db);
            pending = await claims.TakeAsync(db, cancellationToken);
        }

        var failed = await claims.WhileClaimedAsync(scopes, shared && pending.Count > 0, () => HandleAsync(pending, cancellationToken), cancellationToken);
        return failed || pending.Count >= InboxClaims.MaxEntries || (shared && pending.Count > 0);
    }

    /// <summary>Handles the entries in order; returns whether a turn failed (and so is still pending, or now failed for good).</summary>
    private async Task<bool> HandleAsync(List<InboxEntry> pending, CancellationToken cancellationToken)
    {
        // Photos are fetched and stored before the turns, outside the writers' transaction (a download takes seconds).
        await photos.PrepareAsync(pending, cancellationToken);

        var next = 0;
        var failed = false;
        while (next < pending.Count)
        {
            var batch = await HandleBatchAsync(pending, next, MaxBatch, cancellationToken);
            if (batch.Failure is null)
            {
                next += batch.Count;
                continue;
            }

            // Redo up to and including the failing turn one per transaction; only a turn that fails alone counts.
            failed = true;
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

        return failed;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox loop failed; retrying")]
    private partial void LogLoopFailed(Exception ex);
}
