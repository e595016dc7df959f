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

    /// <summary>The language chosen by whoever uses this channel account, or null if they never wrote to us.</summary>
    public static Task<string?> LanguageOfAsync(this ResidentBotDbContext db, string channel, string externalId, CancellationToken cancellationToken) =>
        db.WithIdentity(channel, externalId).Select(r => r.Language).FirstOrDefaultAsync(cancellationToken);
}
