using ResidentBot.Persistence.Cluster;

namespace ResidentBot.Bot.Outbox;

/// <summary>
/// Which channels this host sends now. When several hosts share the database, one host at a time sends a channel's
/// messages (a <see cref="ClusterLease"/> per channel), with that channel's one pacer: Telegram's 30 messages/s and
/// one per second per chat then hold for the bot as a whole by construction, each message is sent by one host, and a
/// chat's messages keep their order. A host that dies stops renewing; another takes the channel once the lease expired.
/// On SQLite (one host per file) every channel is this host's from the start.
/// </summary>
/// <remarks>
/// The holder stops starting sends <see cref="Margin"/> before its lease can expire, counted on its own monotonic
/// clock from the moment it asked (the expiry itself is on the database's clock): so between the last send of one
/// holder and the first of the next there is more than a pacing window, and neither the channel's rate nor a chat's
/// gap is exceeded at a hand-over.
/// </remarks>
internal sealed class ChannelLeases(ClusterLeases leases)
{
    internal static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    internal static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan Margin = TimeSpan.FromSeconds(1.5);

    // Real time on purpose: the lease expires on the database's clock, whatever the host's TimeProvider says.
    private static readonly TimeProvider Clock = TimeProvider.System;
    private readonly Lock gate = new();
    private readonly Dictionary<string, long> heldUntil = new(StringComparer.Ordinal);

    public static string LeaseName(string channel) => $"outbox:{channel}";

    /// <summary>Whether this host may start a send on <paramref name="channel"/> now.</summary>
    public bool Holds(string channel)
    {
        lock (gate)
        {
            return heldUntil.TryGetValue(channel, out var until) && Clock.GetTimestamp() < until;
        }
    }

    /// <summary>Takes or renews the lease of each channel; returns the channels this host has just started to send.</summary>
    public async Task<IReadOnlyList<string>> RefreshAsync(IEnumerable<string> channels, CancellationToken cancellationToken)
    {
        var gained = new List<string>();
        foreach (var channel in channels)
        {
            var asked = Clock.GetTimestamp();
            TimeSpan? held;
            try
            {
                held = await leases.TryHoldAsync(LeaseName(channel), Lifetime, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database does not answer: keep what we have until it runs out on our own clock.
                continue;
            }

            lock (gate)
            {
                var had = heldUntil.TryGetValue(channel, out var until) && Clock.GetTimestamp() < until;
                if (held is { } lifetime)
                {
                    heldUntil[channel] = lifetime == Timeout.InfiniteTimeSpan ? long.MaxValue
                        : asked + (long)((lifetime - Margin).TotalSeconds * Clock.TimestampFrequency);
                    if (!had)
                    {
                        gained.Add(channel);
                    }
                }
                else
                {
                    heldUntil.Remove(channel);
                }
            }
        }

        return gained;
    }

    /// <summary>True when every channel is this host's for good (SQLite): nothing to renew.</summary>
    public bool AllForGood
    {
        get
        {
            lock (gate)
            {
                return heldUntil.Count > 0 && heldUntil.Values.All(until => until == long.MaxValue);
            }
        }
    }

    /// <summary>Gives up every lease this host holds (at stop), so another host takes over without waiting.</summary>
    public async Task ReleaseAsync(IEnumerable<string> channels, CancellationToken cancellationToken)
    {
        foreach (var channel in channels)
        {
            lock (gate)
            {
                heldUntil.Remove(channel);
            }

            await leases.ReleaseAsync(LeaseName(channel), cancellationToken);
        }
    }
}
