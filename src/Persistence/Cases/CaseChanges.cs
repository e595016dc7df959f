using Microsoft.EntityFrameworkCore;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Persistence.Cases;

/// <summary>Which cases changed, by the stamp <see cref="CaseChangeMarker"/> leaves (wall clock of the write; null for rows older than the stamp).</summary>
public static class CaseChanges
{
    /// <summary>The report dates of the cases reported since <paramref name="reportedSince"/> that were saved at or after <paramref name="changedSince"/>.</summary>
    public static IQueryable<DateTimeOffset> ReportDatesOfChanged(this IQueryable<Case> cases, DateTimeOffset changedSince, DateTimeOffset reportedSince) =>
        cases.Where(c => EF.Property<DateTimeOffset?>(c, CaseChangeMarker.ChangedAt) >= changedSince && c.CreatedAt >= reportedSince)
            .Select(c => c.CreatedAt);
}
