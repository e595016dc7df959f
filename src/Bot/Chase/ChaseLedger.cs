using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Chase;

/// <summary>
/// The reminders and progress requests already recorded for a group of cases, read once inside the group's
/// transaction: the same check as one query per message, without the query per message.
/// </summary>
internal sealed class ChaseLedger
{
    private readonly HashSet<(long CaseId, CaseEventKind Kind, string Key)> recorded;

    private ChaseLedger(HashSet<(long, CaseEventKind, string)> recorded) => this.recorded = recorded;

    public static async Task<ChaseLedger> LoadAsync(ResidentBotDbContext db, IReadOnlyCollection<long> caseIds, CancellationToken cancellationToken)
    {
        var rows = await db.CaseEvents.AsNoTracking()
            .Where(e => caseIds.Contains(e.CaseId) && e.Note != null
                && (e.Kind == CaseEventKind.Reminded || e.Kind == CaseEventKind.ProgressRequested || e.Kind == CaseEventKind.ResidentReminded))
            .Select(e => new { e.CaseId, e.Kind, e.Note })
            .ToListAsync(cancellationToken);
        return new ChaseLedger([.. rows.Select(r => (r.CaseId, r.Kind, r.Note!))]);
    }

    public bool Has(long caseId, CaseEventKind kind, string key) => recorded.Contains((caseId, kind, key));
}
