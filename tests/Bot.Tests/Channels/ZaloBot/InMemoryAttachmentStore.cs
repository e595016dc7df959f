using ResidentBot.Bot.Attachments;

namespace ResidentBot.Bot.Tests.Channels.ZaloBot;

/// <summary>A stand-in for the attachment store: photos by <c>attachment:</c> ref, held in memory.</summary>
internal sealed class InMemoryAttachmentStore : IAttachmentStore
{
    private readonly Dictionary<string, (byte[] Bytes, string ContentType)> _photos = [];

    public string Add(string name, byte[] bytes, string contentType = "image/png")
    {
        var photoRef = IAttachmentStore.RefPrefix + name;
        lock (_photos)
        {
            _photos[photoRef] = (bytes, contentType);
        }

        return photoRef;
    }

    public Task<AttachmentContent?> OpenAsync(string photoRef, CancellationToken cancellationToken)
    {
        lock (_photos)
        {
            return Task.FromResult(_photos.TryGetValue(photoRef, out var photo)
                ? new AttachmentContent(new MemoryStream(photo.Bytes), photo.ContentType, photo.Bytes.Length, photoRef[IAttachmentStore.RefPrefix.Length..] + ".png")
                : null);
        }
    }

    public Task<string?> CopyOnAsync(string photoRef, string channel, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task RememberCopyAsync(string photoRef, string channel, string? channelRef, CancellationToken cancellationToken) => Task.CompletedTask;
}
