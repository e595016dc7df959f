using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Channels.WebChat;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>
/// GET /zalobot/photos/{token}: serves the photo a signed link names (<see cref="ZaloBotPhotoLinks"/>) to whoever holds
/// the link (Zalo's fetcher). A forged, damaged or expired token, or a photo that is gone, is a plain 404. Served
/// like the web chat's photos: nosniff and a sandboxing Content-Security-Policy.
/// </summary>
internal static class ZaloBotPhotoEndpoint
{
    public static async Task<IResult> HandleAsync(string token, HttpContext http, ZaloBotPhotoLinks links, IServiceProvider services,
        CancellationToken ct)
    {
        var source = links.Resolve(token);
        WebChatSecurityHeaders.Photo(http.Response);
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        if (source is null)
        {
            return Results.NotFound();
        }

        if (source.StartsWith(ZaloBotPhotoLinks.FileSource, StringComparison.Ordinal))
        {
            var path = source[ZaloBotPhotoLinks.FileSource.Length..];
            return File.Exists(path) && ZaloBotPhotoTypes.ContentTypeOf(path) is { } type ? Results.File(path, type) : Results.NotFound();
        }

        if (services.GetService<IAttachmentStore>() is not { } store || await store.OpenAsync(source, ct).ConfigureAwait(false) is not { } content)
        {
            return Results.NotFound();
        }

        if (!content.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            await content.Content.DisposeAsync().ConfigureAwait(false);
            return Results.NotFound();
        }

        return Results.Stream(content.Content, content.ContentType);
    }
}
