namespace ResidentBot.Intake.Bench;

/// <summary>What the bot sent one chat, in arrival order; a simulated user waits here for the next reply.</summary>
internal sealed class ChatLog
{
    private readonly List<ApiCall> calls = [];
    private readonly Lock gate = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return calls.Count;
            }
        }
    }

    public void Add(ApiCall call)
    {
        TaskCompletionSource wake;
        lock (gate)
        {
            calls.Add(call);
            wake = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wake.TrySetResult();
    }

    /// <summary>Waits until a call after index <paramref name="from"/> matches; returns it, or null at the deadline.</summary>
    public async Task<ApiCall?> WaitAsync(int from, Func<ApiCall, bool> match, TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        while (true)
        {
            Task next;
            lock (gate)
            {
                for (var i = from; i < calls.Count; i++)
                {
                    if (match(calls[i]))
                    {
                        return calls[i];
                    }
                }

                from = calls.Count;
                next = changed.Task;
            }

            try
            {
                await next.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    public List<ApiCall> Snapshot()
    {
        lock (gate)
        {
            return [.. calls];
        }
    }
}
