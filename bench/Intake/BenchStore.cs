using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ResidentBot.Intake.Bench;

/// <summary>
/// The database a run uses: the host's SQLite file (the default) or a PostgreSQL database that several hosts share.
/// The driver's own reads use quoted names, which both understand; only times differ (SQLite keeps Unix milliseconds).
/// </summary>
internal sealed record BenchStore(bool PostgreSql, string ConnectionString)
{
    public static BenchStore Sqlite(string path) => new(false, $"Data Source={path};Pooling=False");

    public string Name => PostgreSql ? "PostgreSQL" : "SQLite";

    /// <summary>What the hosts are given, as production would set it.</summary>
    public Dictionary<string, string> HostSettings() => PostgreSql
        ? new() { ["Database__Provider"] = "PostgreSql", ["ConnectionStrings__ResidentBot"] = ConnectionString }
        : new() { ["ConnectionStrings__ResidentBot"] = new SqliteConnectionStringBuilder(ConnectionString) { Pooling = true }.ToString() };

    public DbConnection Open()
    {
        if (PostgreSql)
        {
            var pg = new NpgsqlConnection(ConnectionString);
            pg.Open();
            return pg;
        }

        var c = new SqliteConnection(ConnectionString);
        c.Open();
        BenchDb.Exec(c, "PRAGMA busy_timeout = 10000");
        return c;
    }

    /// <summary>An instant as the host stores it.</summary>
    public object Time(DateTimeOffset at) => PostgreSql ? at.ToUniversalTime() : at.ToUnixTimeMilliseconds();
}
