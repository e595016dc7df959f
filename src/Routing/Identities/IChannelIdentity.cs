namespace ResidentBot.Routing.Identities;

/// <summary>
/// A person's account on one channel (a resident's or an official's), with what we know of whether the channel can
/// reach them now. Learned from the channel's answers: an interaction makes it reachable, a refusal such as Telegram's
/// "bot can't initiate conversation" makes it unreachable until the person's next interaction.
/// </summary>
public interface IChannelIdentity
{
    int Id { get; }

    /// <summary>Channel name: <c>telegram</c>, <c>webchat</c>, <c>zalo</c>, <c>zalobot</c>.</summary>
    string Channel { get; }

    /// <summary>The channel's user id as text.</summary>
    string ExternalId { get; }

    /// <summary>Where messages to the person go on that channel (a Telegram private chat is the user id; a web conversation is not).</summary>
    string Recipient { get; }

    /// <summary>When the person last wrote, pressed or followed on this channel; null until they do.</summary>
    DateTimeOffset? LastInteractionAt { get; set; }

    /// <summary>Since when the channel says it cannot reach the person; null while it can (or we do not know otherwise).</summary>
    DateTimeOffset? UnreachableSince { get; set; }

    /// <summary>What the channel said when it refused (kept for the log and support).</summary>
    string? UnreachableReason { get; set; }
}
