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

    /// <summary>What <paramref name="channel"/> calls this stored photo since it was uploaded there (a Telegram file_id), if it does.</summary>
    Task<string?> CopyOnAsync(string photoRef, string channel, CancellationToken cancellationToken);

    /// <summary>Remembers what <paramref name="channel"/> calls this stored photo after an upload; null forgets it (the channel lost it).</summary>
    Task RememberCopyAsync(string photoRef, string channel, string? channelRef, CancellationToken cancellationToken);
}

/// <summary>A stored photo's bytes (the caller disposes the stream) and what it is.</summary>
public sealed record AttachmentContent(Stream Content, string ContentType, long Length, string FileName);
