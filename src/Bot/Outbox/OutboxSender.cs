using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Hosting;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Outbox;

/// <summary>
/// Delivers outbox messages: oldest first, paced under the channel's limits, retried on 429 (after the wait asked
/// for), on 5xx and network errors (with backoff, or sooner when the channel answers again: <see cref="ChannelHealth"/>).
/// A chat's messages go in the order they were queued: while its oldest waits for a retry, the chat waits too
/// (other chats do not). A message is never dropped: one the channel refuses for good is marked Failed and kept
/// with its error; one for a person the channel cannot reach now waits (with the rest of its chat) for that person's
/// next interaction (<see cref="People.UnreachablePeople"/>).
/// </summary>
internal sealed partial class OutboxSender : BackgroundService
{
    private readonly DeliveryQueue queue;
    private readonly ChannelLeases leases;
    private readonly DeliveryOutcomes outcomes;
    private readonly People.UnreachablePeople lostPeople;
    private readonly OutboxSignal signal;
    private readonly TimeProvider time;
    private readonly IOptions<OutboxOptions> options;
    private readonly ILogger<OutboxSender> logger;
    private readonly Dictionary<string, IChannelSender> byChannel;
    private readonly Dictionary<string, ChannelHealth> health;
    private readonly Dictionary<string, DeliveryPacer> pacers;

    public OutboxSender(
        DeliveryQueue queue,
        ChannelLeases leases,
        DeliveryOutcomes outcomes,
        People.UnreachablePeople lostPeople,
        IEnumerable<IChannelSender> senders,
        OutboxSignal signal,
        TimeProvider time,
        IOptions<OutboxOptions> options,
        ILogger<OutboxSender> logger)
    {
        this.queue = queue;
        this.leases = leases;
        this.outcomes = outcomes;
        this.lostPeople = lostPeople;
        this.signal = signal;
        this.time = time;
        this.options = options;
        this.logger = logger;
        byChannel = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);
        health = byChannel.Keys.ToDictionary(c => c, _ => new ChannelHealth(time, options.Value.MaxProbeInterval), StringComparer.Ordinal);
        pacers = byChannel.Keys.ToDictionary(c => c, c => NewPacer(c, time, options.Value), StringComparer.Ordinal);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The outcome writer outlives the delivery loop so the marks of messages already delivered are kept.
        using var loopEnded = new CancellationTokenSource();
        var writer = outcomes.RunAsync(loopEnded.Token);
        Task renewing = Task.CompletedTask;
        try
        {
            await RefreshLeasesAsync(stoppingToken);
            renewing = RenewLeasesAsync(stoppingToken);
            await DeliverLoopAsync(stoppingToken);
        }
        finally
        {
            await loopEnded.CancelAsync();
            await writer;
            await renewing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await ReleaseLeasesAsync();
        }
    }

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
                }
            }

            try
            {
                if (refresh)
                {
                    (backlog, probes) = await LoadAsync(inFlight.Keys.ToHashSet(), stoppingToken);
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
            refresh = committed.IsCompleted || probing is { IsCompleted: true } || (backlog.Count == 0 && freed.IsCompleted);
            committed = committed.IsCompleted ? null : committed;
            freed = freed.IsCompleted ? null : freed;
        }

        await ((Task)Task.WhenAll(inFlight.Values)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Due messages of the channels that answer, and a probe for each channel that is down and may be tried.</summary>
    private async Task<(List<OutboxMessage> Backlog, Dictionary<string, OutboxMessage> Probes)> LoadAsync(
        HashSet<(string Channel, string Recipient)> busy, CancellationToken cancellationToken)
    {
        var backlog = await queue.LoadDueAsync([.. health.Where(h => !h.Value.IsDown && leases.Holds(h.Key)).Select(h => h.Key)], busy, cancellationToken);
        var probes = new Dictionary<string, OutboxMessage>(StringComparer.Ordinal);
        foreach (var (channel, _) in health.Where(h => h.Value.CanProbe && leases.Holds(h.Key)))
        {
            if (await queue.FindProbeAsync(channel, busy, cancellationToken) is { } probe)
            {
                probes[channel] = probe;
            }
        }

        return (backlog, probes);
    }

    /// <summary>
    /// Starts chats from the backlog, oldest first, while slots are free; what starts leaves the backlog. A channel
    /// that is down gets no chat but its probe, when the probe is due. Returns when the pacer lets the first message it
    /// held back go, if it held one back.
    /// </summary>
    private DateTimeOffset? StartChats(
        List<OutboxMessage> backlog, Dictionary<string, OutboxMessage> probes,
        Dictionary<(string Channel, string Recipient), Task<bool>> inFlight, WorkSignal slotFreed, CancellationToken cancellationToken)
    {
        var free = options.Value.Concurrency - inFlight.Count;
        foreach (var (channel, probe) in probes.ToList())
        {
            if (free > 0 && !inFlight.ContainsKey((probe.Channel, probe.Recipient)) && health[channel].CanProbe && leases.Holds(channel)
                && pacers[channel].TryTake(probe.Recipient, out _) && health[channel].TryStartProbe(probe.Id))
            {
                probes.Remove(channel);
                inFlight[(probe.Channel, probe.Recipient)] = DeliverChatAsync([probe], slotFreed, cancellationToken);
                free--;
            }
        }

        if (free <= 0 || backlog.Count == 0)
        {
            return null;
        }

        // Chats are chosen before pacing, so no send slot is spent on a chat that gets no turn this time.
        var chats = backlog.Select(m => (m.Channel, m.Recipient))
            .Where(c => !inFlight.ContainsKey(c) && !health[c.Channel].IsDown && leases.Holds(c.Channel))
            .Distinct().Take(free).ToHashSet();
        var paced = TakePaced(backlog.Where(m => chats.Contains((m.Channel, m.Recipient))), out var retryAt);
        var started = paced.Select(m => m.Id).ToHashSet();
        backlog.RemoveAll(m => started.Contains(m.Id));
        foreach (var chat in paced.GroupBy(m => (m.Channel, m.Recipient)))
        {
            inFlight[chat.Key] = DeliverChatAsync([.. chat], slotFreed, cancellationToken);
        }

        return retryAt;
    }

    public override void Dispose()
    {
        foreach (var pacer in pacers.Values)
        {
            pacer.Dispose();
        }

        base.Dispose();
    }

    // Each channel is paced and paused on its own: a 429 from one never holds back another.
    private static DeliveryPacer NewPacer(string channel, TimeProvider time, OutboxOptions options)
    {
        var (perSecond, perChat) = ChannelPacing.For(channel, options.Channels.GetValueOrDefault(channel));
        return new DeliveryPacer(time, perSecond, perChat);
    }

    private Task? WhenDue(DateTimeOffset? at, CancellationToken cancellationToken) =>
        at is { } due ? Task.Delay(Max(due - time.GetUtcNow(), TimeSpan.FromMilliseconds(1)), time, cancellationToken) : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
