using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Open311;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Open311;

namespace ResidentBot.Bot.Open311.Requests;

/// <summary>A case as the read endpoints show it: the case, what its Open311 client sent (if one did), and its public log lines.</summary>
internal sealed record RequestRecord(Case Case, Open311Request? Origin, IReadOnlyList<CaseEvent> Updates);

/// <summary>A served case's id and report time: what a page is merged by.</summary>
internal sealed record CaseKey(long Id, DateTimeOffset CreatedAt);

/// <summary>The filters of <c>GET requests</c>, already checked.</summary>
internal sealed record RequestFilter(
    IReadOnlyList<string> Ids, IReadOnlyList<int> CategoryIds, IReadOnlyList<CaseStatus>? Statuses, DateTimeOffset From, DateTimeOffset To, int Page, int PageSize);

/// <summary>
/// Reads cases for the read endpoints. Open311 serves two kinds of case: every case an Open311 client sent, and every
/// case whose resident agreed to publication in the report's summary (<see cref="Case.PublicationConsent"/>); a chat
/// case without that consent is not there at all — not listed, 404 by its id, no updates. The two kinds are read apart,
/// each through an index in the order it is served (newest first): the published ones through
/// <c>IX_Cases_Published (PublicationConsent, CreatedAt, Id)</c>, the clients' through their own table's
/// <c>(CreatedAt, CaseId)</c>; a page is the newest of both.
/// </summary>
internal sealed class RequestRecords(ResidentBotDbContext db)
{
    public async Task<IReadOnlyList<RequestRecord>> FindAsync(RequestFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Ids.Count > 0)
        {
            // The spec: service_request_id overrides every other argument.
            var ids = filter.Ids;
            var listed = await Served().Where(c => ids.Contains(c.TrackingCode)).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
            return await WithDetailsAsync(listed, cancellationToken);
        }

        // Each kind's newest up to the end of the page, then the page of the two merged: both read in index order.
        var (start, end, wanted) = (filter.From, filter.To, filter.Page * filter.PageSize);
        var published = await Filtered(db.Cases.AsNoTracking(), filter)
            .Where(c => c.PublicationConsent && c.CreatedAt >= start && c.CreatedAt <= end)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(wanted)
            .Select(c => new CaseKey(c.Id, c.CreatedAt)).ToListAsync(cancellationToken);
        // A client's request has its case's report time (one transaction wrote both), so its own index orders them.
        var sent = await (from r in db.Open311Requests.AsNoTracking()
                          join c in Filtered(db.Cases.AsNoTracking(), filter) on r.CaseId equals c.Id
                          where r.CreatedAt >= start && r.CreatedAt <= end
                          orderby r.CreatedAt descending, r.CaseId descending
                          select r).Take(wanted).Select(r => new CaseKey(r.CaseId, r.CreatedAt)).ToListAsync(cancellationToken);
        var page = published.Concat(sent).DistinctBy(k => k.Id).OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).Select(k => k.Id).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => page.Contains(c.Id)).ToListAsync(cancellationToken);
        return await WithDetailsAsync([.. cases.OrderBy(c => page.IndexOf(c.Id))], cancellationToken);
    }

    /// <summary>One served case by its tracking code; null when there is none, or it is a chat case its resident did not publish.</summary>
    public async Task<RequestRecord?> FindAsync(string trackingCode, CancellationToken cancellationToken)
    {
        var found = await Served().Where(c => c.TrackingCode == trackingCode).ToListAsync(cancellationToken);
        return (await WithDetailsAsync(found, cancellationToken)).FirstOrDefault();
    }

    /// <summary>
    /// The public log lines between two instants, oldest first, of the cases <paramref name="keyId"/> sent and of the
    /// published cases: the window is read through the log's index on its time, each kind apart.
    /// </summary>
    public async Task<IReadOnlyList<(CaseEvent Line, string TrackingCode)>> UpdatesAsync(
        int keyId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var kinds = UpdateStatus.Public.ToList();
        var window = db.CaseEvents.AsNoTracking().Where(e => kinds.Contains(e.Kind) && e.At >= since && e.At <= until);
        var own = await (from e in window
                         join r in db.Open311Requests.AsNoTracking() on e.CaseId equals r.CaseId
                         join c in db.Cases.AsNoTracking() on e.CaseId equals c.Id
                         where r.KeyId == keyId
                         select new { Line = e, c.TrackingCode }).ToListAsync(cancellationToken);
        var published = await (from e in window
                               join c in db.Cases.AsNoTracking() on e.CaseId equals c.Id
                               where c.PublicationConsent
                               select new { Line = e, c.TrackingCode }).ToListAsync(cancellationToken);
        return [.. own.Concat(published).DistinctBy(r => r.Line.Id).OrderBy(r => r.Line.Id).Select(r => (r.Line, r.TrackingCode))];
    }

    /// <summary>The cases Open311 serves: sent by a client, or published by their resident.</summary>
    private IQueryable<Case> Served() =>
        db.Cases.AsNoTracking().Where(c => c.PublicationConsent || db.Open311Requests.Any(r => r.CaseId == c.Id));

    /// <summary>The service and status filters (the window is the caller's: each kind reads it from its own index).</summary>
    private static IQueryable<Case> Filtered(IQueryable<Case> cases, RequestFilter filter)
    {
        if (filter.CategoryIds.Count > 0)
        {
            var categories = filter.CategoryIds;
            cases = cases.Where(c => categories.Contains(c.CategoryId));
        }

        if (filter.Statuses is { } statuses)
        {
            cases = cases.Where(c => statuses.Contains(c.Status));
        }

        return cases;
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
