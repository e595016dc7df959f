using Microsoft.EntityFrameworkCore;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Persistence.Residents;

/// <summary>
/// Lookups by channel identity. They start from the unique (channel, external id) index; a filter written
/// as <c>Residents.Where(r =&gt; r.Identities.Any(...))</c> makes SQLite scan every resident instead.
/// </summary>
public static class ResidentQueries
{
    public static IQueryable<Resident> WithIdentity(this ResidentBotDbContext db, string channel, string externalId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = db.ResidentIdentities.Where(i => i.Channel == channel && i.ExternalId == externalId).Select(i => i.ResidentId);
        return db.Residents.Where(r => ids.Contains(r.Id));
    }

    /// <summary>The languages of those of <paramref name="externalIds"/> who ever wrote to us, by external id (one query).</summary>
    public static async Task<Dictionary<string, string>> LanguagesOfAsync(
        this ResidentBotDbContext db, string channel, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (from i in db.ResidentIdentities
                          where i.Channel == channel && externalIds.Contains(i.ExternalId)
                          join r in db.Residents on i.ResidentId equals r.Id
                          select new { i.ExternalId, r.Language })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.DistinctBy(r => r.ExternalId).ToDictionary(r => r.ExternalId, r => r.Language);
    }
}
