using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ResidentBot.Persistence.Sqlite;

/// <summary>
/// SQLite lets one transaction write at a time. The busy writers of this process (the inbox writer, the turn loop,
/// the outbox's delivery marks, the chase) take turns here instead of colliding on the file lock, where
/// Microsoft.Data.Sqlite sleeps 150 ms before it retries. Those holding the gate with a context also share one open
/// connection: in WAL mode a connection drops its whole page cache whenever another connection has written, so
/// writers that took turns on pooled connections re-read every page they touched (a profile of the intake
/// benchmark showed most of the host's time in reading pages); on one connection that only writers use, the cache
/// stays valid.
/// </summary>
public sealed class SqliteWriteGate : IWriteGate, IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private SqliteConnection? connection;

    /// <summary>Waits for the turn to write; dispose the result to give it up.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Turn(gate);
    }

    /// <summary>
    /// Waits for the turn to write and points <paramref name="db"/> (fresh, not used yet, and not used after the turn)
    /// at the writers' shared connection.
    /// </summary>
    public async Task<IDisposable> EnterAsync(ResidentBotDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var turn = await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (db.Database.IsSqlite())
            {
                db.Database.SetDbConnection(await ConnectionAsync(db, cancellationToken).ConfigureAwait(false), contextOwnsConnection: false);
            }

            return turn;
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        gate.Dispose();
    }

    private async Task<SqliteConnection> ConnectionAsync(ResidentBotDbContext db, CancellationToken cancellationToken)
    {
        if (connection is { State: System.Data.ConnectionState.Open })
        {
            return connection;
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await SqlitePragmaInterceptor.ApplyAsync(connection, SqlitePragmaInterceptor.WriterPragmas, cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
