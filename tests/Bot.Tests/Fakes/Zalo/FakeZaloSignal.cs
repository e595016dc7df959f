namespace ResidentBot.Bot.Tests.Fakes.Zalo;

/// <summary>Wakes every waiter at each pulse; a waiter takes <see cref="Next"/> before it checks, so no pulse is missed.</summary>
internal sealed class FakeZaloSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
