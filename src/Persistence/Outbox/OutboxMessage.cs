namespace ResidentBot.Persistence.Outbox;

/// <summary>A message waiting until its channel accepts it; retried with back-off by the sender job.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    /// <summary>The channel's chat or user id, as text.</summary>
    public required string Recipient { get; set; }

    /// <summary>The normalized outbound message as JSON.</summary>
    public required string Payload { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    /// <summary>Not before this instant (rate limits, retry_after, back-off).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>
    /// Optional idempotency key (e.g. <c>remind:HD-2026-000123:2</c>): a job that runs twice enqueues the
    /// message once, because the second insert violates the unique index.
    /// </summary>
    public string? DedupKey { get; set; }

    /// <summary>The channel's id of the message once sent, so a reply to it can be traced back.</summary>
    public string? ExternalMessageId { get; set; }

    /// <summary>What the message was about (e.g. <c>case:42</c>), copied from the outbound message.</summary>
    public string? Tag { get; set; }

    /// <summary>The resident the message is for, when it is addressed to a person rather than to a chat: it may move to the channel that reaches them.</summary>
    public int? ResidentId { get; set; }

    /// <summary>The official the message is for, when it is addressed to a person rather than to a chat.</summary>
    public int? OfficialId { get; set; }
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>No channel reaches the person now; sent on their next interaction, on the channel they use then.</summary>
    Waiting = 3,

    /// <summary>A waiting message that was not sent because a fresh one replaced it (a card re-sent with live buttons, a stale edit).</summary>
    Superseded = 4,
}
