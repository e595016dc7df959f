using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Cases;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.WebConsole.Queue;

/// <summary>
/// One page of the official's queue: their active cases by the deadline that matters now (acknowledge while
/// unacknowledged, else resolve), so overdue ones come first. Served by the (official, status, acknowledge due, resolve due) index.
/// </summary>
internal sealed class QueueRows(ResidentBotDbContext db, CurrentRouting routing)
{
    public async Task<(IReadOnlyList<QueueRow> Rows, int Total)> PageAsync(int officialId, int page, int pageSize, string language, CancellationToken cancellationToken)
    {
        var active = db.Cases.AsNoTracking().Where(c => c.AccountableOfficialId == officialId && CaseStatuses.Active.Contains(c.Status));
        var total = await active.CountAsync(cancellationToken);
        // The page's ids first, from the (official, status, deadlines) index alone; then only those rows, which are wide
        // (descriptions): sorting the rows themselves read every active case of a busy official from the table.
        var ids = await active
            .Select(c => new { c.Id, Due = CaseStatuses.AwaitingAcknowledgement.Contains(c.Status) ? c.AcknowledgeDueAt : c.ResolveDueAt })
            .OrderBy(c => c.Due == null).ThenBy(c => c.Due).ThenBy(c => c.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var found = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.TrackingCode, c.CategoryId, c.AreaId, c.Status, c.Description, c.CreatedAt,
                Due = CaseStatuses.AwaitingAcknowledgement.Contains(c.Status) ? c.AcknowledgeDueAt : c.ResolveDueAt,
            })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var rows = ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
        var directory = (await routing.GetAsync(cancellationToken)).Directory;
        return ([.. rows.Select(r => new QueueRow(
            r.Id, r.TrackingCode,
            directory.CategoriesById.GetValueOrDefault(r.CategoryId) is { } category ? (language == Resources.Texts.English ? category.NameEn : category.NameVi) : string.Empty,
            directory.AreasById.GetValueOrDefault(r.AreaId)?.Name ?? string.Empty,
            r.Status, r.Description, r.CreatedAt, r.Due))], total);
    }
}

internal sealed record QueueRow(long Id, string TrackingCode, string Category, string Area, CaseStatus Status, string Description, DateTimeOffset CreatedAt, DateTimeOffset? Due);
