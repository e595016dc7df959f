using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResidentBot.Persistence.Sqlite;

/// <summary>
/// synchronous=NORMAL is a per-connection setting (unlike journal_mode=WAL, which the file remembers), so
/// it is applied to every connection EF opens. NORMAL is durable across application crashes in WAL mode.
/// busy_timeout makes SQLite itself wait for a writer that holds the lock (in steps of 1–100 ms) instead of
/// returning SQLITE_BUSY, on which Microsoft.Data.Sqlite sleeps 150 ms before retrying.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    public static SqlitePragmaInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
