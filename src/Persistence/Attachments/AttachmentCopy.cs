namespace ResidentBot.Persistence.Attachments;

/// <summary>
/// A channel's own reference to a stored photo it has already been sent (a Telegram file_id), so the photo is
/// uploaded to that channel once and then sent by reference.
/// </summary>
public sealed class AttachmentCopy
{
    public long AttachmentId { get; set; }

    public required string Channel { get; set; }

    public required string ChannelRef { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
