using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Chase;

namespace ResidentBot.Bot.Chase.Schedule;

/// <summary>
/// Keeps <see cref="Case.NextChaseAt"/> right on every code path: each added or changed case gets it from
/// <see cref="NextChase.AfterChange"/> at save time, unless the unit of work already set it (the sweep does,
/// through <see cref="NextChase.AfterChase"/>).
/// </summary>
internal sealed class ChaseScheduleInterceptor(ChaseRules rules, TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Pending(eventData.Context) is { Count: > 0 } pending)
        {
            // The directory snapshot is cached, so this completes synchronously after the first load.
            Apply(pending, rules.GetAsync(CancellationToken.None).GetAwaiter().GetResult());
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Pending(eventData.Context) is { Count: > 0 } pending)
        {
            Apply(pending, await rules.GetAsync(cancellationToken));
        }

        return result;
    }

    private void Apply(List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Case>> pending, ChaseView view)
    {
        var now = time.GetUtcNow();
        foreach (var entry in pending)
        {
            NextChase.AfterChange(entry.Entity, view.For(entry.Entity), now);
        }
    }

    private static List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Case>> Pending(DbContext? context) =>
        context is null
            ? []
            : [.. context.ChangeTracker.Entries<Case>().Where(e =>
                e.State == EntityState.Added || (e.State == EntityState.Modified && !e.Property(c => c.NextChaseAt).IsModified))];
}
