using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Persistence.Cases;

/// <summary>
/// The case log is evidence for "rõ trách nhiệm": a saved <see cref="CaseEvent"/> is never changed or
/// removed. This refuses the whole save if one is, so a bug cannot quietly rewrite history.
/// </summary>
internal sealed class CaseEventAppendOnlyInterceptor : SaveChangesInterceptor
{
    public static CaseEventAppendOnlyInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        var offending = context?.ChangeTracker.Entries<CaseEvent>()
            .FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (offending is not null)
        {
            throw new InvalidOperationException(
                $"Case events are append-only: refusing to {(offending.State == EntityState.Deleted ? "delete" : "modify")} " +
                $"event {offending.Entity.Id} of case {offending.Entity.CaseId}.");
        }
    }
}
