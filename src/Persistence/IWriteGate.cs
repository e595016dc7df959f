namespace ResidentBot.Persistence;

/// <summary>
/// Where every write path of the host asks for its turn. Each database answers it its own way: SQLite lets one
/// transaction write at a time, so its gate queues this process's writers and shares one writer connection
/// (<see cref="Sqlite.SqliteWriteGate"/>); a server database runs writers concurrently and gets correctness from row
/// locks, unique keys and claims instead.
/// </summary>
public interface IWriteGate
{
    /// <summary>Waits for the turn to write; dispose the result to give it up.</summary>
    Task<IDisposable> EnterAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Waits for the turn to write with <paramref name="db"/> (fresh, not used yet, and not used after the turn); the
    /// gate may point it at a connection of its own.
    /// </summary>
    Task<IDisposable> EnterAsync(ResidentBotDbContext db, CancellationToken cancellationToken);
}
