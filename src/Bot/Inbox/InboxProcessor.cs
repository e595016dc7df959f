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

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox loop failed; retrying")]
    private partial void LogLoopFailed(Exception ex);
}
