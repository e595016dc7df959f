using System.Threading.Channels;

namespace ResidentBot.Bot.Hosting;

/// <summary>
/// Group commit: callers submit items one by one and wait; one writer takes everything queued so far and writes
/// it in one transaction, then answers every caller with its own result (or the batch's error). Under load the
/// cost of a transaction is shared by all the items that arrived while the previous one was being written; when
/// idle an item is written alone, at once.
/// </summary>
internal sealed class GroupCommit<TItem, TResult>(
    Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> write,
    int maxBatch)
{
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues the item and waits until the transaction holding it has committed.</summary>
    public async Task<TResult> SubmitAsync(TItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The writer is stopping; nothing was written.");
        }

        // A caller that gives up still has its item written: every write here is idempotent by design.
        return await pending.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The single writer. When <paramref name="stoppingToken"/> fires, new items are refused and those already
    /// queued are still written (a delivered message keeps its "sent" mark, an accepted update its row).
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await using var stopping = stoppingToken.Register(() => queue.Writer.TryComplete());
        var batch = new List<Pending>(maxBatch);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (batch.Count < maxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await WriteAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var results = await write([.. batch.Select(p => p.Item)], CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception ex)
        {
            // Whatever went wrong is each caller's answer: nothing of the batch was committed.
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }
        }

        batch.Clear();
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);
}
