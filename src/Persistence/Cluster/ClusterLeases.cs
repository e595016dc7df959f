using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ResidentBot.Persistence.Cluster;

/// <summary>
/// Takes, renews and gives up <see cref="ClusterLease"/>s. Expiry is on the database's clock, so hosts whose clocks
/// differ still agree on who holds a lease; a holder measures its own remaining time from the moment it asked, on its
/// monotonic clock, so it stops before any other host may start. On SQLite, one host per database file, every lease is this host's.
/// </summary>
public sealed class ClusterLeases(IServiceScopeFactory scopes, ClusterNode node)
{
    /// <summary>
    /// Takes the lease, or renews it if this host holds it. Returns for how long it is held from the moment of asking:
    /// <paramref name="lifetime"/>, <see cref="Timeout.InfiniteTimeSpan"/> on a database no other host shares, or null
    /// while another host holds it.
    /// </summary>
    public async Task<TimeSpan?> TryHoldAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        if (!ClusterNode.MayBeShared(db))
        {
            return Timeout.InfiniteTimeSpan;
        }

        var seconds = lifetime.TotalSeconds;
        var holder = node.Id;
        // One statement: the row lock of the lease orders two hosts asking at once, and the loser sees the winner's row.
        var held = await db.Database.SqlQuery<string>($"""
            INSERT INTO "ClusterLeases" ("Name", "Holder", "ExpiresAt")
            VALUES ({name}, {holder}, clock_timestamp() + make_interval(secs => {seconds}))
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = EXCLUDED."Holder", "ExpiresAt" = EXCLUDED."ExpiresAt"
            WHERE "ClusterLeases"."Holder" = EXCLUDED."Holder" OR "ClusterLeases"."ExpiresAt" < clock_timestamp()
            RETURNING "Holder" AS "Value"
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return held.Count == 1 ? lifetime : null;
    }

    /// <summary>Gives the lease up (if this host holds it), so another host takes it without waiting for it to expire.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        if (ClusterNode.MayBeShared(db))
        {
            var holder = node.Id;
            await db.ClusterLeases.Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
