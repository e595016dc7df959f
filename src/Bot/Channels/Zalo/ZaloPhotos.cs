using ResidentBot.Bot.Attachments;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>
/// The bytes of a photo to send on Zalo, which takes only images uploaded to it (jpg or png, 1 MB at most): a stored
/// attachment (<c>attachment:…</c>, when the host has an attachment store), a file we wrote, or a photo a person sent on
/// Zalo (its URL). Null when the photo cannot go on Zalo (another channel's file id, too large, another format).
/// </summary>
internal sealed partial class ZaloPhotos(IServiceProvider services, ZaloFiles files, ILogger<ZaloPhotos> logger)
{
    public const long MaxBytes = 1024 * 1024;

    public async Task<ZaloPhoto?> ReadAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var photo = message.PhotoRef switch
        {
            { } attachment when attachment.StartsWith(IAttachmentStore.RefPrefix, StringComparison.Ordinal) =>
                await FromStoreAsync(attachment, cancellationToken).ConfigureAwait(false),
            { } url when Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" =>
                await FromZaloAsync(url, cancellationToken).ConfigureAwait(false),
            { } other => Skipped(other, "a file of another channel"),
            null when message.PhotoPath is { } path => await FromFileAsync(path, cancellationToken).ConfigureAwait(false),
            null => null,
        };
        return photo;
    }

    private async Task<ZaloPhoto?> FromStoreAsync(string photoRef, CancellationToken ct)
    {
        if (services.GetService<IAttachmentStore>() is not { } store)
        {
            return Skipped(photoRef, "no attachment store in this host");
        }

        var content = await store.OpenAsync(photoRef, ct).ConfigureAwait(false);
        if (content is null)
        {
            return Skipped(photoRef, "gone from the attachment store");
        }

        await using (content.Content.ConfigureAwait(false))
        {
            return content.Length > MaxBytes ? Skipped(photoRef, "over 1 MB") : Checked(photoRef, await ReadCappedAsync(content.Content, ct).ConfigureAwait(false));
        }
    }

    private async Task<ZaloPhoto?> FromZaloAsync(string url, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        try
        {
            await files.DownloadAsync(new InboundFile(url, null), buffer, MaxBytes, ct).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return Skipped(url, "over 1 MB");
        }

        return Checked(url, buffer.ToArray());
    }

    private async Task<ZaloPhoto?> FromFileAsync(string path, CancellationToken ct)
    {
        try
        {
            return new FileInfo(path).Length > MaxBytes ? Skipped(path, "over 1 MB") : Checked(path, await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new DeliveryException(DeliveryFailure.Permanent, $"Photo file cannot be read: {ex.Message}", inner: ex);
        }
    }

    private static async Task<byte[]?> ReadCappedAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return buffer.Length > MaxBytes ? null : buffer.ToArray();
    }

    /// <summary>Zalo takes jpg and png, recognised by their first bytes.</summary>
    private ZaloPhoto? Checked(string source, byte[]? bytes) => bytes switch
    {
        null => Skipped(source, "over 1 MB"),
        [0xFF, 0xD8, 0xFF, ..] => new ZaloPhoto(bytes, "photo.jpg", "image/jpeg"),
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => new ZaloPhoto(bytes, "photo.png", "image/png"),
        _ => Skipped(source, "neither jpg nor png"),
    };

    private ZaloPhoto? Skipped(string source, string reason)
    {
        LogSkipped(source, reason);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Photo {Source} not sent on Zalo: {Reason}")]
    private partial void LogSkipped(string source, string reason);
}

internal sealed record ZaloPhoto(byte[] Content, string FileName, string ContentType);
