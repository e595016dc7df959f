namespace ResidentBot.Bot.Attachments;

/// <summary>
/// Photos stored once, whatever channel they came from. An <see cref="Channels.OutboundMessage.PhotoRef"/> that
/// starts with <see cref="RefPrefix"/> names one; channel senders open it and upload or serve it their own way.
/// </summary>
public interface IAttachmentStore
{
    const string RefPrefix = "attachment:";

    /// <summary>Opens a stored photo; null when <paramref name="photoRef"/> is not one of ours or is gone.</summary>
    Task<AttachmentContent?> OpenAsync(string photoRef, CancellationToken cancellationToken);
}

/// <summary>A stored photo's bytes (the caller disposes the stream) and what it is.</summary>
public sealed record AttachmentContent(Stream Content, string ContentType, long Length, string FileName);
