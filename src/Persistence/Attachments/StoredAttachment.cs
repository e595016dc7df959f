namespace ResidentBot.Persistence.Attachments;

/// <summary>
/// A photo stored once, whatever channel it came through: its bytes are a file under the attachments folder named
/// <see cref="Name"/>, this row says what it is and where it came from. Its reference is <c>attachment:&lt;Id&gt;</c>.
/// </summary>
public sealed class StoredAttachment
{
    public long Id { get; set; }

    /// <summary>The file's random name (also the unguessable part of a URL that serves it).</summary>
    public required string Name { get; set; }

    public required string ContentType { get; set; }

    public long Bytes { get; set; }

    /// <summary>Hex SHA-256 of the bytes.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Channel the photo was fetched from, e.g. <c>telegram</c>.</summary>
    public required string SourceChannel { get; set; }

    /// <summary>That channel's reference to it (a Telegram file_id, a web chat upload), so a redelivered photo is fetched once.</summary>
    public required string SourceRef { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
