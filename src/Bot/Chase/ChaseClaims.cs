using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Cluster;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Chase;

/// <summary>
/// The cases a chase group acts on, taken for the group's transaction. SQLite takes the write lock at BEGIN, so
/// concurrent sweeps already queue. When several hosts share the database, each case row is locked as it is read and a
/// case another sweep holds is skipped (it is being chased; once that commits, its next chase time has moved on): two
/// hosts that chase at once never both remind or escalate one case.
/// </summary>
internal static class ChaseClaims
{
    public static async Task<List<Case>> TakeAsync(ResidentBotDbContext db, IReadOnlyCollection<long> caseIds, CancellationToken cancellationToken)
    {
        if (!ClusterNode.MayBeShared(db))
        {
            return await db.Cases.Where(c => caseIds.Contains(c.Id)).ToListAsync(cancellationToken);
        }

        // EF has no operator for FOR UPDATE SKIP LOCKED (dotnet/efcore#26042).
        long[] ids = [.. caseIds];
        return await db.Cases.FromSql($"""SELECT * FROM "Cases" WHERE "Id" = ANY({ids}) ORDER BY "Id" FOR UPDATE SKIP LOCKED""")
            .ToListAsync(cancellationToken);
    }
}
