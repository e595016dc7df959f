using ResidentBot.Routing.Identities;

namespace ResidentBot.Routing.Officials;

/// <summary>
/// An official's account on one channel, bound by the directory file or by an invite. One account answers for one
/// official; an official has at most one account per channel.
/// </summary>
public sealed class OfficialIdentity : IChannelIdentity
{
    public int Id { get; set; }

    public int OfficialId { get; set; }

    public required string Channel { get; set; }

    public required string ExternalId { get; set; }

    /// <summary>Where messages to the official go on that channel (a Telegram user id, a web conversation id).</summary>
    public required string ChatId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastInteractionAt { get; set; }

    public DateTimeOffset? UnreachableSince { get; set; }

    public string? UnreachableReason { get; set; }

    string IChannelIdentity.Recipient => ChatId;
}
