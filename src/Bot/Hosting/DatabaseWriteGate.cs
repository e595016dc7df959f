namespace ResidentBot.Bot.Hosting;

/// <summary>
/// SQLite lets one transaction write at a time. The busy writers of this process (the inbox writer, the turn
/// loop, the outbox's delivery marks, the chase) take turns here instead of colliding on the file lock, where
/// Microsoft.Data.Sqlite sleeps 150 ms before it retries — the stalls that made the latency tail.
/// </summary>
internal sealed class DatabaseWriteGate
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Waits for the turn to write; dispose the result to give it up.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Turn(gate);
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
