namespace ResidentBot.Bot.Attachments;

/// <summary>What a file is, told by its first bytes rather than by what the sender claimed.</summary>
internal static class ImageKind
{
    /// <summary>Bytes needed to recognise every kind below.</summary>
    public const int HeaderLength = 12;

    public static (string Extension, string ContentType)? Sniff(ReadOnlySpan<byte> b) => b switch
    {
        [0xFF, 0xD8, 0xFF, ..] => ("jpg", "image/jpeg"),
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => ("png", "image/png"),
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => ("gif", "image/gif"),
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => ("webp", "image/webp"),
        _ => null,
    };

    /// <summary>The content type of a stored file's extension (".jpg" …); null for one we never store.</summary>
    public static string? ContentTypeOf(string extension) => extension switch
    {
        ".jpg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => null,
    };
}
