using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Hosting;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Inbox;

namespace ResidentBot.Bot.Inbox;

/// <summary>One batch of turns in one transaction, each turn marked handled before it runs.</summary>
internal sealed partial class InboxProcessor
{
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
}
