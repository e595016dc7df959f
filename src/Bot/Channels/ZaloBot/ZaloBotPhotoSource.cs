using Microsoft.Extensions.Options;
using ResidentBot.Bot.Attachments;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>
/// The URL sendPhoto gets for an outbound photo: a resident's Zalo photo URL as it is; a stored attachment or a file
/// we wrote (a scorecard chart) as a signed link to this host. When a photo cannot be linked, says why instead.
/// </summary>
internal sealed class ZaloBotPhotoSource(ZaloBotPhotoLinks links, IServiceProvider services, IOptions<ZaloBotOptions> options)
{
    public sealed record Photo(Uri? Url, string? Problem);

    public async Task<Photo?> ForAsync(OutboundMessage message, CancellationToken ct)
    {
        if (message.PhotoRef is { } photoRef)
        {
            if (Uri.TryCreate(photoRef, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            {
                return new Photo(url, null);
            }

            return photoRef.StartsWith(IAttachmentStore.RefPrefix, StringComparison.Ordinal)
                ? await AttachmentAsync(photoRef, ct).ConfigureAwait(false)
                : new Photo(null, "the photo is another channel's file, which Zalo cannot fetch");
        }

        return message.PhotoPath is { } path ? FromFile(Path.GetFullPath(path)) : null;
    }

    private async Task<Photo> AttachmentAsync(string photoRef, CancellationToken ct)
    {
        if (services.GetService<IAttachmentStore>() is not { } store)
        {
            return new Photo(null, "no attachment store is registered");
        }

        var content = await store.OpenAsync(photoRef, ct).ConfigureAwait(false);
        if (content is null)
        {
            return new Photo(null, "the stored photo is gone");
        }

        await using (content.Content.ConfigureAwait(false))
        {
            if (content.Length > options.Value.MaxPhotoBytes)
            {
                return new Photo(null, $"the stored photo is {content.Length} bytes, over ZaloBot:MaxPhotoBytes");
            }

            return Linked(links.LinkFor(photoRef, ZaloBotPhotoTypes.ExtensionOf(content.ContentType)));
        }
    }

    private Photo FromFile(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || ZaloBotPhotoTypes.ContentTypeOf(path) is not { } type)
        {
            return new Photo(null, "the photo file does not exist or is not an image");
        }

        return file.Length > options.Value.MaxPhotoBytes
            ? new Photo(null, $"the photo file is {file.Length} bytes, over ZaloBot:MaxPhotoBytes")
            : Linked(links.LinkFor(ZaloBotPhotoLinks.FileSource + path, ZaloBotPhotoTypes.ExtensionOf(type)));
    }

    private static Photo Linked(Uri? link) =>
        link is null ? new Photo(null, "ZaloBot:PublicBaseUrl is not set, so Zalo has nowhere to fetch the photo from") : new Photo(link, null);
}
