namespace ResidentBot.Bot.Hosting;

/// <summary>Wakes a background loop early when new work was committed; the loop still polls as a backstop.</summary>
internal class WorkSignal
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Notify()
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
