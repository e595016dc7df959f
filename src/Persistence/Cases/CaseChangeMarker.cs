using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Persistence.Cases;

/// <summary>
/// Stamps <see cref="ChangedAt"/> (a shadow column of Cases, indexed) on every case saved new or with a column the
/// public results count changed, so the results refresh rescans only the months that hold such cases. Every writer of
/// cases goes through SaveChanges (the only bulk updates touch the chase's NextChaseAt), so this is the one place.
/// The stamp is the wall clock of the write, not the host's <see cref="TimeProvider"/>: it orders writes against the
/// refresh's reads, which happen in real time whatever clock the domain runs on.
/// </summary>
internal sealed class CaseChangeMarker : SaveChangesInterceptor
{
    public const string ChangedAt = nameof(ChangedAt);

    /// <summary>The columns the results read (see the results scan); a change of any other column leaves the figures as they were.</summary>
    public static readonly IReadOnlySet<string> Counted = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Case.AreaId), nameof(Case.AccountableOfficialId), nameof(Case.Status), nameof(Case.CreatedAt), nameof(Case.AcknowledgeDueAt),
        nameof(Case.AcknowledgedAt), nameof(Case.ResolveDueAt), nameof(Case.ResolvedAt), nameof(Case.Rating), nameof(Case.PausedFor),
        nameof(Case.PausedAt), nameof(Case.ReopenCount), nameof(Case.Latitude), nameof(Case.Longitude),
    };

    public static CaseChangeMarker Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        foreach (var entry in context.ChangeTracker.Entries<Case>())
        {
            if (entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && Counted.Contains(p.Metadata.Name))))
            {
                entry.Property(ChangedAt).CurrentValue = (DateTimeOffset?)now;
            }
        }
    }
}
