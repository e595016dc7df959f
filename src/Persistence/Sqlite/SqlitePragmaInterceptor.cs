using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResidentBot.Persistence.Sqlite;

/// <summary>
/// synchronous=NORMAL is a per-connection setting (unlike journal_mode=WAL, which the file remembers), so
/// it is applied to every connection EF opens. NORMAL is durable across application crashes in WAL mode.
/// busy_timeout makes SQLite itself wait for a writer that holds the lock (in steps of 1–100 ms) instead of
/// returning SQLITE_BUSY, on which Microsoft.Data.Sqlite sleeps 150 ms before retrying. mmap_size lets SQLite read
/// pages of the database file straight from memory instead of a read() system call and a copy per page (only the
/// pages touched count towards the process's memory, and the OS can drop them at any time). New rows go to the end
/// of the file, so the map must cover the whole file to help: 1 GB of address space, not of memory.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA mmap_size=1073741824;";

    public static SqlitePragmaInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ApplyAsync(connection, cancellationToken);

    /// <summary>Applies the per-connection settings to a connection opened outside EF.</summary>
    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
