namespace ResidentBot.Persistence.PostgreSql;

/// <summary>
/// PostgreSQL runs writers concurrently, in this host and in every other host on the database, so a process-wide
/// queue would only slow one host without making anything safe. The turn is granted at once and the context keeps its
/// pooled connection; correctness comes from the database: unique keys with <c>INSERT … ON CONFLICT</c>, row locks
/// (<c>FOR UPDATE</c>, <c>SKIP LOCKED</c> claims) and the concurrency token on conversation state.
/// </summary>
internal sealed class PostgreSqlWriteGate : IWriteGate
{
    private static readonly Task<IDisposable> Granted = Task.FromResult<IDisposable>(new NoTurn());

    public Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Granted;
    }

    public Task<IDisposable> EnterAsync(ResidentBotDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return EnterAsync(cancellationToken);
    }

    private sealed class NoTurn : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
