using ResidentBot.Bot.Hosting;

namespace ResidentBot.Bot.Tests.Hosting;

public sealed class GroupCommitTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Items_that_arrive_while_a_batch_is_being_written_are_written_together_next()
    {
        var batches = new List<int[]>();
        var firstStarted = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var commit = new GroupCommit<int, int>(
            async (items, _) =>
            {
                lock (batches)
                {
                    batches.Add([.. items]);
                }

                if (items.Contains(0))
                {
                    firstStarted.SetResult();
                    await releaseFirst.Task;
                }

                return [.. items.Select(i => i * 10)];
            },
            maxBatch: 100);
        using var stop = new CancellationTokenSource();
        var writer = commit.RunAsync(stop.Token);

        var first = commit.SubmitAsync(0, CancellationToken.None);
        await firstStarted.Task.WaitAsync(Timeout);
        var later = Enumerable.Range(1, 5).Select(i => commit.SubmitAsync(i, CancellationToken.None)).ToList();
        releaseFirst.SetResult();

        Assert.Equal(0, await first.WaitAsync(Timeout));
        var results = await Task.WhenAll(later).WaitAsync(Timeout);
        Assert.Equal([10, 20, 30, 40, 50], results);
        Assert.Equal([[0], [1, 2, 3, 4, 5]], batches);
        await stop.CancelAsync();
        await writer.WaitAsync(Timeout);
    }

    [Fact]
    public async Task A_failed_write_fails_every_caller_of_that_batch_and_the_writer_goes_on()
    {
        var calls = 0;
        var commit = new GroupCommit<string, bool>(
            (items, _) => Interlocked.Increment(ref calls) == 1
                ? throw new IOException("disk I/O error")
                : Task.FromResult<IReadOnlyList<bool>>([.. items.Select(_ => true)]),
            maxBatch: 10);
        using var stop = new CancellationTokenSource();
        var writer = commit.RunAsync(stop.Token);

        var failed = await Assert.ThrowsAsync<IOException>(() => commit.SubmitAsync("a", CancellationToken.None).WaitAsync(Timeout));
        var next = await commit.SubmitAsync("b", CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal("disk I/O error", failed.Message);
        Assert.True(next);
        await stop.CancelAsync();
        await writer.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Stopping_writes_what_was_queued_and_refuses_what_comes_after()
    {
        var written = new List<int>();
        var gate = new TaskCompletionSource();
        var commit = new GroupCommit<int, bool>(
            async (items, _) =>
            {
                await gate.Task;
                lock (written)
                {
                    written.AddRange(items);
                }

                return [.. items.Select(_ => true)];
            },
            maxBatch: 2);
        using var stop = new CancellationTokenSource();
        var writer = commit.RunAsync(stop.Token);
        var queued = Enumerable.Range(1, 5).Select(i => commit.SubmitAsync(i, CancellationToken.None)).ToList();

        await stop.CancelAsync();
        gate.SetResult();
        await writer.WaitAsync(Timeout);

        Assert.All(await Task.WhenAll(queued).WaitAsync(Timeout), Assert.True);
        Assert.Equal([1, 2, 3, 4, 5], written);
        await Assert.ThrowsAsync<InvalidOperationException>(() => commit.SubmitAsync(6, CancellationToken.None));
    }
}
