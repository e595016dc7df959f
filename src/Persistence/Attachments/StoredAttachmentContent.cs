namespace ResidentBot.Persistence.Attachments;

/// <summary>
/// The bytes of a <see cref="StoredAttachment"/> when photos are kept in the database (<c>Attachments:Store</c> =
/// <c>Database</c>, the default on PostgreSQL). A table of their own, so the rows that are queried often
/// (<see cref="StoredAttachment"/>) never carry megabytes; deleting the photo's row deletes these (cascade).
/// </summary>
public sealed class StoredAttachmentContent
{
    public long AttachmentId { get; set; }

    /// <summary>Set when the photo and its bytes are added together, so both are written in one transaction.</summary>
    public StoredAttachment? Attachment { get; set; }

    public required byte[] Content { get; set; }
}
