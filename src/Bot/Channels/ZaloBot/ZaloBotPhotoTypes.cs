namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>Photo files we may link to, by extension: what a chat shows as an image.</summary>
internal static class ZaloBotPhotoTypes
{
    public static string? ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => null,
    };

    public static string ExtensionOf(string contentType) => contentType switch
    {
        "image/png" => "png",
        "image/gif" => "gif",
        "image/webp" => "webp",
        _ => "jpg",
    };
}
