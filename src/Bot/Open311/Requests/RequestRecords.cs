using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Open311;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Open311;

namespace ResidentBot.Bot.Open311.Requests;

/// <summary>A case as the read endpoints show it: the case, what its Open311 client sent (if one did), and its public log lines.</summary>
internal sealed record RequestRecord(Case Case, Open311Request? Origin, IReadOnlyList<CaseEvent> Updates);

/// <summary>The filters of <c>GET requests</c>, already checked.</summary>
internal sealed record RequestFilter(
    IReadOnlyList<string> Ids, IReadOnlyList<int> CategoryIds, IReadOnlyList<CaseStatus>? Statuses, DateTimeOffset From, DateTimeOffset To, int Page, int PageSize);

/// <summary>Reads cases for the read endpoints: one query for the cases, one for their origins, one for their public log lines.</summary>
internal sealed class RequestRecords(ResidentBotDbContext db)
{
    public async Task<IReadOnlyList<RequestRecord>> FindAsync(RequestFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var cases = db.Cases.AsNoTracking();
        if (filter.Ids.Count > 0)
        {
            // The spec: service_request_id overrides every other argument.
            cases = cases.Where(c => filter.Ids.Contains(c.TrackingCode));
        }
        else
        {
            cases = cases.Where(c => c.CreatedAt >= filter.From && c.CreatedAt <= filter.To);
            if (filter.CategoryIds.Count > 0)
            {
                cases = cases.Where(c => filter.CategoryIds.Contains(c.CategoryId));
            }

            if (filter.Statuses is { } statuses)
            {
                cases = cases.Where(c => statuses.Contains(c.Status));
            }
        }

        var page = await cases.OrderByDescending(c => c.Id).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
        return await WithDetailsAsync(page, cancellationToken);
    }

    public async Task<RequestRecord?> FindAsync(string trackingCode, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().Where(c => c.TrackingCode == trackingCode).ToListAsync(cancellationToken);
        return (await WithDetailsAsync(found, cancellationToken)).FirstOrDefault();
    }

    /// <summary>The public log lines of the cases <paramref name="keyId"/> sent, between two instants, oldest first.</summary>
    public async Task<IReadOnlyList<(CaseEvent Line, string TrackingCode)>> UpdatesAsync(
        int keyId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var kinds = UpdateStatus.Public.ToList();
        var rows = await (from e in db.CaseEvents.AsNoTracking()
                          join r in db.Open311Requests.AsNoTracking() on e.CaseId equals r.CaseId
                          join c in db.Cases.AsNoTracking() on e.CaseId equals c.Id
                          where r.KeyId == keyId && kinds.Contains(e.Kind) && e.At >= since && e.At <= until
                          orderby e.Id
                          select new { Line = e, c.TrackingCode }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Line, r.TrackingCode))];
    }

    private async Task<IReadOnlyList<RequestRecord>> WithDetailsAsync(List<Case> cases, CancellationToken cancellationToken)
    {
        if (cases.Count == 0)
        {
            return [];
        }

        var ids = cases.Select(c => c.Id).ToList();
        var kinds = UpdateStatus.Public.ToList();
        var origins = await db.Open311Requests.AsNoTracking().Where(r => ids.Contains(r.CaseId)).ToDictionaryAsync(r => r.CaseId, cancellationToken);
        var lines = await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId) && kinds.Contains(e.Kind)).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var byCase = lines.ToLookup(e => e.CaseId);
        return [.. cases.Select(c => new RequestRecord(c, origins.GetValueOrDefault(c.Id), [.. byCase[c.Id]]))];
    }
}
