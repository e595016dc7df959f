using ResidentBot.Bot.Hosting;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Outbox;

/// <summary>The delivery loop: finished chats collected, new ones started, then a wait for whatever comes first.</summary>
internal sealed partial class OutboxSender
{
    // Chats are independent, so their round trips overlap; one chat's messages go one after another, in order.
    // Due messages are read into a backlog when new ones were committed (or the poll interval passed); a chat that
    // finishes frees its slot at once and the next chat is started from the backlog without another look-up.
    private async Task DeliverLoopAsync(CancellationToken stoppingToken)
    {
        var inFlight = new Dictionary<(string Channel, string Recipient), Task<bool>>();
        var slotFreed = new WorkSignal();
        var backlog = new List<OutboxMessage>();
        Task<bool>? committed = null;
        Task<bool>? freed = null;
        var refresh = true;

        // Whether the last look-up left out chats being delivered to: only then can a chat that finishes have messages
        // no look-up returned yet (otherwise its later messages came in a commit, which is looked up anyway).
        var leftOutBusy = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? wakeAt = null;
            DateTimeOffset? probeAt = null;

            // Probes are used only in the turn that read them (with a backlog that has none of a down channel's messages).
            Dictionary<string, OutboxMessage> probes = [];
            foreach (var done in inFlight.Where(c => c.Value.IsCompleted).ToList())
            {
                inFlight.Remove(done.Key);
                if (done.Value.Exception is { } failed)
                {
                    LogSweepFailed(failed.GetBaseException());
                }

                // A chat that stopped on a retry keeps the rest of its messages until its first one goes.
                if (!done.Value.IsCompletedSuccessfully || !done.Value.Result)
                {
                    backlog.RemoveAll(m => (m.Channel, m.Recipient) == done.Key);
                    refresh |= backlog.Count == 0; // what it still has is read again, as before the rule above
                }
            }

            try
            {
                if (refresh)
                {
                    (backlog, probes) = await LoadAsync(inFlight.Keys.ToHashSet(), stoppingToken);
                    leftOutBusy = inFlight.Count > 0;
                }

                wakeAt = StartChats(backlog, probes, inFlight, slotFreed, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(ex);
            }

            // A channel that is down is tried again when its probe is due, not at the next poll.
            var now = time.GetUtcNow();
            foreach (var down in health.Values.Where(h => h.IsDown && h.ProbeAt > now))
            {
                probeAt = probeAt is { } at && at < down.ProbeAt ? at : down.ProbeAt;
            }

            committed ??= signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            freed ??= slotFreed.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken);
            // A message held back by the pacer is tried again the moment it may go, and a channel that is down the
            // moment its probe is due, not at the next poll.
            var paced = WhenDue(wakeAt, stoppingToken);
            var probing = WhenDue(probeAt, stoppingToken);
            await Task.WhenAny(new[] { committed, freed, paced, probing }.OfType<Task>());
            refresh = committed.IsCompleted || probing is { IsCompleted: true } || (backlog.Count == 0 && freed.IsCompleted && leftOutBusy);
            committed = committed.IsCompleted ? null : committed;
            freed = freed.IsCompleted ? null : freed;
        }

        await ((Task)Task.WhenAll(inFlight.Values)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private Task? WhenDue(DateTimeOffset? at, CancellationToken cancellationToken) =>
        at is { } due ? Task.Delay(Max(due - time.GetUtcNow(), TimeSpan.FromMilliseconds(1)), time, cancellationToken) : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
