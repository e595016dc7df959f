using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResidentBot.Persistence.Sqlite;

/// <summary>
/// Per-connection settings (unlike journal_mode=WAL, which the file remembers), applied to every connection EF
/// opens. synchronous=NORMAL is durable across application crashes in WAL mode. busy_timeout makes SQLite itself
/// wait for a writer that holds the lock (in steps of 1–100 ms) instead of returning SQLITE_BUSY, on which
/// Microsoft.Data.Sqlite sleeps 150 ms before retrying. The writers' shared connection (<see cref="SqliteWriteGate"/>)
/// gets an 8 MB page cache: in WAL mode a connection drops its cache whenever another one has written, and only
/// that connection writes, so its cache stays valid. Memory-mapping the file (mmap_size) was measured too: +50 %
/// intake on 2 cores, but the pages a one-off scan touches stay in the process's resident set (358 MB against the
/// 300 MB target with 1,000,000 cases), so it is left off.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    /// <summary>For the writers' shared connection: an 8 MB page cache of its own and no map.</summary>
    internal const string WriterPragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA mmap_size=0; PRAGMA cache_size=-8000;";

    public static SqlitePragmaInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ApplyAsync(connection, Pragmas, cancellationToken);

    /// <summary>Applies per-connection settings to a connection opened outside EF.</summary>
    public static async Task ApplyAsync(DbConnection connection, string pragmas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
