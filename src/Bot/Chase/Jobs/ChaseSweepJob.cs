using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Hosting;
using ResidentBot.Persistence;
using ResidentBot.Routing.Chase;

namespace ResidentBot.Bot.Chase.Jobs;

/// <summary>
/// Finds due cases through the index on NextChaseAt (never loading all cases), in batches, and chases them in
/// groups, one transaction per group. Carries no arguments: all it needs is in the database.
/// </summary>
internal sealed partial class ChaseSweepJob(
    IServiceScopeFactory scopes,
    IOptions<ChaseOptions> options,
    OutboxSignal outboxSignal,
    TimeProvider time,
    ILogger<ChaseSweepJob> logger)
{
    /// <summary>Chases every case due now; returns how many cases this run changed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var seen = new HashSet<long>();
        var chased = 0;
        while (true)
        {
            var batch = await DueAsync(now, options.Value.BatchSize, cancellationToken);
            var fresh = batch.Where(seen.Add).ToList();
            chased += await ChaseBatchAsync(fresh, cancellationToken);

            // A short batch was the last; a batch of only seen ids means the rest is being retried later.
            if (batch.Count < options.Value.BatchSize || fresh.Count == 0)
            {
                break;
            }
        }

        chased += await RunStepsAsync(cancellationToken);
        if (chased > 0)
        {
            outboxSignal.Notify();
            LogSwept(chased, seen.Count);
        }

        return chased;
    }

    private async Task<int> RunStepsAsync(CancellationToken cancellationToken)
    {
        var changed = 0;
        await using var scope = scopes.CreateAsyncScope();
        foreach (var step in scope.ServiceProvider.GetServices<IChaseStep>())
        {
            try
            {
                changed += await step.RunAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogStepFailed(ex, step.GetType().Name);
            }
        }

        return changed;
    }

    private async Task<List<long>> DueAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        return await db.Cases.AsNoTracking().Where(c => c.NextChaseAt <= now)
            .OrderBy(c => c.NextChaseAt).Select(c => c.Id).Take(batchSize).ToListAsync(cancellationToken);
    }

    // One scope (one connection, one official-chat cache) per batch; a transaction per group of cases, because a
    // commit costs far more than the work of one case. A group that fails is redone one case per transaction, so a
    // bad case is postponed alone and never holds back or rolls back the others' work.
    private async Task<int> ChaseBatchAsync(List<long> ids, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var chaser = scope.ServiceProvider.GetRequiredService<CaseChaser>();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var chased = 0;
        foreach (var group in ids.Chunk(options.Value.CasesPerTransaction))
        {
            try
            {
                chased += group.Length == 1
                    ? await ChaseOneByOneAsync(chaser, db, group, cancellationToken)
                    : await chaser.ChaseGroupAsync(group, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogGroupFailed(ex, group.Length);
                db.ChangeTracker.Clear();
                chased += await ChaseOneByOneAsync(chaser, db, group, cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return chased;
    }

    private async Task<int> ChaseOneByOneAsync(CaseChaser chaser, ResidentBotDbContext db, long[] ids, CancellationToken cancellationToken)
    {
        var chased = 0;
        foreach (var id in ids)
        {
            try
            {
                chased += await chaser.ChaseAsync(id, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCaseFailed(ex, id);
                await PostponeAsync(id, cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return chased;
    }

    // A case that fails every time must not hold up the others: look again later, and the log says why.
    private async Task PostponeAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var later = NextChase.Postponed(time.GetUtcNow());
        await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.NextChaseAt, later), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chase sweep changed {Chased} of {Due} due cases")]
    private partial void LogSwept(int chased, int due);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Count} cases failed; chasing them one per transaction")]
    private partial void LogGroupFailed(Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chase step {Step} failed; it is retried at the next sweep")]
    private partial void LogStepFailed(Exception ex, string step);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chasing case {CaseId} failed; it is retried later")]
    private partial void LogCaseFailed(Exception ex, long caseId);
}
