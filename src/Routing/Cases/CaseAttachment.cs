namespace ResidentBot.Routing.Cases;

/// <summary>A photo or file attached to a case; the bytes stay on the channel, we keep its reference.</summary>
public sealed class CaseAttachment
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    /// <summary>Channel the file came through, e.g. <c>telegram</c>.</summary>
    public required string Channel { get; set; }

    /// <summary>The channel's file reference (Telegram file_id, an upload id for the web chat).</summary>
    public required string FileRef { get; set; }

    public string ContentType { get; set; } = "image/jpeg";

    public ActorKind AddedBy { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}
