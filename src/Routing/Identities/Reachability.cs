namespace ResidentBot.Routing.Identities;

/// <summary>
/// The rules of reaching a person who has several channel identities: a message goes once, on the identity that can
/// reach them now — the most recent interaction among those not known to be unreachable (one never used yet is tried:
/// only the channel can tell). When none can, the message waits on the identity last used, for the next interaction.
/// </summary>
public static class Reachability
{
    public const int MaxReasonLength = 300;

    /// <summary>
    /// How stale the last interaction of a person's latest identity may be kept. Every message is an interaction; a
    /// dialogue of several messages on one channel then writes it once a minute, not once per message (it was one
    /// statement in every turn), and the choice among the person's identities is the same.
    /// </summary>
    public static readonly TimeSpan InteractionResolution = TimeSpan.FromMinutes(1);

    /// <summary>The person interacted through <paramref name="identity"/>: it reaches them again.</summary>
    public static void Interacted(IChannelIdentity identity, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(identity);
        identity.LastInteractionAt = identity.LastInteractionAt is { } last && last > at ? last : at;
        identity.UnreachableSince = null;
        identity.UnreachableReason = null;
    }

    /// <summary>
    /// As <see cref="Interacted(IChannelIdentity, DateTimeOffset)"/>, for a person whose every identity is at hand: the
    /// time is left as it is when it is less than <see cref="InteractionResolution"/> old and no other identity of
    /// theirs was used since, so <see cref="Choose"/> picks the same identity either way.
    /// </summary>
    public static void Interacted(IChannelIdentity identity, DateTimeOffset at, IEnumerable<IChannelIdentity> all)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(all);
        if (identity.LastInteractionAt is not { } last || at - last >= InteractionResolution
            || all.Any(other => !ReferenceEquals(other, identity) && (other.LastInteractionAt ?? DateTimeOffset.MinValue) >= last))
        {
            identity.LastInteractionAt = identity.LastInteractionAt is { } kept && kept > at ? kept : at;
        }

        identity.UnreachableSince = null;
        identity.UnreachableReason = null;
    }

    /// <summary>The channel refused to reach the person through <paramref name="identity"/>; the first refusal's instant is kept.</summary>
    public static void Lost(IChannelIdentity identity, DateTimeOffset at, string reason)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(reason);
        identity.UnreachableSince ??= at;
        identity.UnreachableReason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
    }

    public static bool IsReachable(IChannelIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return identity.UnreachableSince is null;
    }

    /// <summary>
    /// Where a message to the person goes: the reachable identity with the latest interaction (<c>Reachable</c> true),
    /// else the identity last used, where the message waits (<c>Reachable</c> false); null for a person with no identity
    /// on an enabled channel.
    /// </summary>
    public static (T Identity, bool Reachable)? Choose<T>(IEnumerable<T> identities, Func<string, bool> channelEnabled)
        where T : IChannelIdentity
    {
        ArgumentNullException.ThrowIfNull(identities);
        ArgumentNullException.ThrowIfNull(channelEnabled);
        var usable = identities.Where(i => channelEnabled(i.Channel)).ToList();
        if (usable.Count == 0)
        {
            return null;
        }

        var reachable = Latest(usable.Where(i => IsReachable(i)));
        return reachable is not null ? (reachable, true) : (Latest(usable)!, false);
    }

    /// <summary>
    /// Since when no identity reaches the person: the moment the last one was lost; null while one may reach them.
    /// A person with no identity at all cannot be reached by anything, since always.
    /// </summary>
    public static DateTimeOffset? UnreachableSince<T>(IEnumerable<T> identities, Func<string, bool> channelEnabled)
        where T : IChannelIdentity
    {
        ArgumentNullException.ThrowIfNull(identities);
        ArgumentNullException.ThrowIfNull(channelEnabled);
        var usable = identities.Where(i => channelEnabled(i.Channel)).ToList();
        if (usable.Count == 0)
        {
            return DateTimeOffset.MinValue;
        }

        return usable.Any(i => IsReachable(i)) ? null : usable.Max(i => i.UnreachableSince);
    }

    private static T? Latest<T>(IEnumerable<T> identities)
        where T : IChannelIdentity =>
        identities.OrderByDescending(i => i.LastInteractionAt ?? DateTimeOffset.MinValue).ThenBy(i => i.Id).FirstOrDefault();
}
