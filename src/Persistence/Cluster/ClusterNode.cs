using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace ResidentBot.Persistence.Cluster;

/// <summary>
/// This host among the hosts that share one database: the name its claims and leases carry. A restarted process is a
/// new node, so what the old one held is taken over when its claims expire, never resumed by mistake.
/// </summary>
public sealed class ClusterNode
{
    public string Id { get; } = Bounded($"{Environment.MachineName}/{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");

    /// <summary>
    /// Whether other hosts may share this database. SQLite is one host per file (its single writer says so); a server
    /// database may be shared, so claims and leases are taken there.
    /// </summary>
    public static bool MayBeShared(ResidentBotDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return !db.Database.IsSqlite();
    }

    private static string Bounded(string id) => id.Length <= 64 ? id : id[^64..];
}
