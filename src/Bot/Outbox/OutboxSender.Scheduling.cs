using ResidentBot.Bot.Hosting;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Outbox;

/// <summary>Which chats go next: the due backlog and probes read, chats started in free slots, the pacer asked.</summary>
internal sealed partial class OutboxSender
{
    internal const int RowsPerSlot = 4;

    /// <summary>Due messages of the channels that answer, and a probe for each channel that is down and may be tried.</summary>
    private async Task<(List<OutboxMessage> Backlog, Dictionary<string, OutboxMessage> Probes)> LoadAsync(
        HashSet<(string Channel, string Recipient)> busy, CancellationToken cancellationToken)
    {
        // A few messages per free slot: the backlog only has to start the chats that fit, and it is read again on the
        // next commit anyway. Reading 500 rows every time was most of this look-up's cost under load, when every
        // resident waits for a reply and hundreds of rows are due at once.
        var backlog = await queue.LoadDueAsync([.. health.Where(h => !h.Value.IsDown && leases.Holds(h.Key)).Select(h => h.Key)], busy,
            RowsPerSlot * options.Value.Concurrency, cancellationToken);
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
                && pacers[channel].TryTake(probe.Recipient, out _))
            {
                if (!health[channel].TryStartProbe(probe.Id))
                {
                    pacers[channel].Finished(probe.Recipient); // the slot goes unused
                    continue;
                }

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

    /// <summary>The messages the pacer lets go now; <paramref name="retryAt"/> is when the first one held back may go.</summary>
    private List<OutboxMessage> TakePaced(IEnumerable<OutboxMessage> due, out DateTimeOffset? retryAt)
    {
        retryAt = null;
        var blocked = new HashSet<(string, string)>();
        var batch = new List<OutboxMessage>();
        foreach (var message in due)
        {
            var chat = (message.Channel, message.Recipient);
            if (blocked.Contains(chat))
            {
                continue;
            }

            if (pacers[message.Channel].TryTake(message.Recipient, out var at))
            {
                batch.Add(message);
            }
            else
            {
                blocked.Add(chat);
                retryAt = retryAt is { } earlier && earlier < at ? earlier : at;
            }
        }

        return batch;
    }
}
