using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Hosting;

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
}
