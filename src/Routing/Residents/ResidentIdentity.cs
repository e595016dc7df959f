using ResidentBot.Routing.Identities;

namespace ResidentBot.Routing.Residents;

/// <summary>A resident's identity on one channel, unique by (channel, external id).</summary>
public sealed class ResidentIdentity : IChannelIdentity
{
    public int Id { get; set; }

    public int ResidentId { get; set; }

    /// <summary>Channel name: <c>telegram</c>, <c>webchat</c>, <c>zalo</c>.</summary>
    public required string Channel { get; set; }

    /// <summary>The channel's user id as text (Telegram user id, web chat user id, Zalo user id).</summary>
    public required string ExternalId { get; set; }

    /// <summary>The private chat the resident last wrote from, where notices go; null means the user id itself (Telegram, Zalo).</summary>
    public string? ChatId { get; set; }

    public DateTimeOffset? LastInteractionAt { get; set; }

    public DateTimeOffset? UnreachableSince { get; set; }

    public string? UnreachableReason { get; set; }

    string IChannelIdentity.Recipient => ChatId ?? ExternalId;
}
