using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Cluster;
using ResidentBot.Persistence.Inbox;

namespace ResidentBot.Bot.Inbox;

/// <summary>
/// Which recorded updates this host handles next. On SQLite (one host per file) that is every pending entry, in order.
/// When several hosts share the database, each host claims entries for <see cref="Lease"/> (renewed while it works), and
/// only the oldest pending entry of a chat can be claimed: a chat's updates are then handled in order and never by two
/// hosts at once, and the entries of a host that died are taken by another once its claims expire.
/// </summary>
internal sealed class InboxClaims(ClusterNode node)
{
    internal const int MaxEntries = 500;

    /// <summary>How long a claim holds without renewal: how long a dead host's updates wait for another host.</summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);

    public static string ChatKey(string channel, string chatId) => $"{channel}:{chatId}";

    // Compiled: the loop looks up after every signal (EF would otherwise re-walk and hash the expression each time).
    private static readonly PerModel<Func<ResidentBotDbContext, IAsyncEnumerable<InboxEntry>>> Pending = new(() =>
        EF.CompileAsyncQuery((ResidentBotDbContext db) => db.InboxEntries.AsNoTracking().Where(e => e.Status == InboxStatus.Pending)
            .OrderBy(e => e.Id).Take(MaxEntries)));

    public async Task<List<InboxEntry>> TakeAsync(ResidentBotDbContext db, CancellationToken cancellationToken)
    {
        if (!ClusterNode.MayBeShared(db))
        {
            return await Pending.For(db)(db).ToListAsync(cancellationToken);
        }

        // EF has no operator for FOR UPDATE SKIP LOCKED (dotnet/efcore#26042). A head another host is claiming right now
        // is locked and skipped; one it claimed earlier has a live ClaimedUntil; a later entry of the chat is no head.
        var me = node.Id;
        var seconds = Lease.TotalSeconds;
        var claimed = await db.InboxEntries.FromSql($"""
            UPDATE "InboxEntries" AS e SET "ClaimedBy" = {me}, "ClaimedUntil" = clock_timestamp() + make_interval(secs => {seconds})
            FROM (
                SELECT h."Id" FROM "InboxEntries" AS h
                WHERE h."Status" = 'Pending'
                  AND (h."ClaimedUntil" IS NULL OR h."ClaimedUntil" < clock_timestamp() OR h."ClaimedBy" = {me})
                  AND NOT EXISTS (SELECT 1 FROM "InboxEntries" AS p
                                  WHERE p."ChatKey" = h."ChatKey" AND p."Status" = 'Pending' AND p."Id" < h."Id")
                ORDER BY h."Id"
                LIMIT {MaxEntries}
                FOR UPDATE OF h SKIP LOCKED
            ) AS c
            WHERE e."Id" = c."Id"
            RETURNING e.*
            """).AsNoTracking().ToListAsync(cancellationToken);
        return [.. claimed.OrderBy(e => e.Id)];
    }

    /// <summary>Runs <paramref name="work"/> on claimed entries, renewing the claims meanwhile when other hosts may take them.</summary>
    public async Task<T> WhileClaimedAsync<T>(IServiceScopeFactory scopes, bool shared, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (!shared)
        {
            return await work();
        }

        using var working = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = KeepAliveAsync(scopes, working.Token);
        try
        {
            return await work();
        }
        finally
        {
            await working.CancelAsync();
            await renewing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Keeps this host's claims alive while it works on them (photos may take seconds to fetch), until
    /// <paramref name="cancellationToken"/> says the work is done. The lease runs on the database's clock, so the
    /// renewals follow real time, not the host's <see cref="TimeProvider"/> (which tests fake).
    /// </summary>
    private async Task KeepAliveAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        var me = node.Id;
        var seconds = Lease.TotalSeconds;
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 3, TimeProvider.System, cancellationToken);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE "InboxEntries" SET "ClaimedUntil" = clock_timestamp() + make_interval(secs => {seconds})
                    WHERE "ClaimedBy" = {me} AND "Status" = 'Pending'
                    """, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The work is done: what is still pending is claimed again (or by another host) in the next round.
        }
    }
}
