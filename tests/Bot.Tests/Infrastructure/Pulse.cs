namespace ResidentBot.Bot.Tests.Infrastructure;

/// <summary>
/// A wake-up many waiters can share: <see cref="Ring"/> completes the task <see cref="Next"/> handed out before it.
/// Take <see cref="Next"/> before looking at the state, so a change between the look and the wait is not missed.
/// </summary>
internal sealed class Pulse
{
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Rung with every pulse of the process (a commit of any test host, a call to any fake API), for waits that look at
    /// several things at once. Other tests ring it too, which costs such a wait one extra look.
    /// </summary>
    public static Pulse Anything { get; } = new();

    public Task Next => Volatile.Read(ref next).Task;

    public void Ring()
    {
        Interlocked.Exchange(ref next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (!ReferenceEquals(this, Anything))
        {
            Anything.Ring();
        }
    }

    /// <summary>
    /// Looks at the state after every ring (and, for changes nobody rings for, every <paramref name="fallback"/>) until
    /// <paramref name="done"/> holds; throws <see cref="OperationCanceledException"/> after <paramref name="timeout"/>.
    /// </summary>
    public async Task<T> UntilAsync<T>(Func<CancellationToken, Task<T>> look, Func<T, bool> done, TimeSpan timeout, TimeSpan? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(look);
        ArgumentNullException.ThrowIfNull(done);
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var rung = Next;
            var value = await look(cts.Token).ConfigureAwait(false);
            if (done(value))
            {
                return value;
            }

            if (fallback is { } interval)
            {
                await Task.WhenAny(rung, Task.Delay(interval, cts.Token)).ConfigureAwait(false);
                cts.Token.ThrowIfCancellationRequested();
            }
            else
            {
                await rung.WaitAsync(cts.Token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits, on <see cref="Anything"/> and every 100 ms, until <paramref name="condition"/> holds.</summary>
    public static Task UntilAnyAsync(Func<Task<bool>> condition, TimeSpan timeout) =>
        Anything.UntilAsync(_ => condition(), holds => holds, timeout, TimeSpan.FromMilliseconds(100));

    /// <summary><see cref="UntilAsync{T}"/> for a condition on in-memory state, which changes only where it rings.</summary>
    public Task UntilAsync(Func<bool> done, TimeSpan timeout) =>
        UntilAsync(_ => Task.FromResult(done()), holds => holds, timeout);
}
