namespace ResidentBot.Bot.Hosting;

/// <summary>Wakes a background loop early when new work was committed; the loop still polls as a backstop.</summary>
internal class WorkSignal
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    /// <summary>Raised by <see cref="Notify"/>, so other hosts on the database can be told (<see cref="ClusterBridge"/>).</summary>
    public event Action? Rung;

    public void Notify()
    {
        NotifyHere();
        Rung?.Invoke();
    }

    /// <summary>Wakes this process's loop only (another host said so).</summary>
    public void NotifyHere()
    {
        if (semaphore.CurrentCount > 0)
        {
            return;
        }

        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another caller notified between the check and the release: the loop is awake either way.
        }
    }

    /// <summary>Waits until notified or until <paramref name="timeout"/>; returns early on either.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        semaphore.WaitAsync(timeout, cancellationToken);
}

/// <summary>Rung when outbox messages were committed.</summary>
internal sealed class OutboxSignal : WorkSignal;

/// <summary>Rung when inbox entries were committed.</summary>
internal sealed class InboxSignal : WorkSignal;
