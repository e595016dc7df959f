namespace ResidentBot.Persistence.Inbox;

/// <summary>
/// One channel update, stored before it is handled so that a redelivered update (same channel, external id and
/// fingerprint) is recognised and handled once.
/// </summary>
public sealed class InboxEntry
{
    public long Id { get; set; }

    /// <summary>Channel name: <c>telegram</c>, <c>webchat</c>, <c>zalo</c>.</summary>
    public required string Channel { get; set; }

    /// <summary>The channel's id of the update (Telegram update_id as text, a Zalo event id…).</summary>
    public required string ExternalId { get; set; }

    /// <summary>
    /// What the update is (a hash of its chat, sender and message or button-press id). Telegram may start update_id
    /// again from a random number after a week without updates, so an id alone could name an old update and a new
    /// one; a redelivery repeats the id and the fingerprint.
    /// </summary>
    public string Fingerprint { get; set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The raw update as the channel sent it.</summary>
    public required string Payload { get; set; }

    public InboxStatus Status { get; set; } = InboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset? HandledAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// The chat the update belongs to (<c>channel:chat id</c>): a chat's updates are handled in order, by one host at a
    /// time. Empty for entries stored before hosts shared a database.
    /// </summary>
    public string ChatKey { get; set; } = string.Empty;

    /// <summary>The host that claimed the entry to handle it (several hosts on one database); null when unclaimed.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds unless renewed: past it, another host may take the entry.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
}

public enum InboxStatus
{
    Pending = 0,
    Handled = 1,
    Failed = 2,
}
