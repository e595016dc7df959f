using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Photos of the web chat channel, kept in a folder under the content root with random names. A file reference
/// (<see cref="InboundFile.FileRef"/>, <see cref="OutboundMessage.PhotoRef"/>) is <c>webchat:&lt;name&gt;</c>, served at
/// <c>/webchat/files/&lt;name&gt;</c>. Only JPEG, PNG, GIF and WebP are kept, recognised by their first bytes.
/// </summary>
internal sealed class WebChatFiles(IOptions<WebChatOptions> options, PersistencePaths paths)
{
    public const string RefPrefix = "webchat:";
    public const string UrlPath = "/webchat/files/";

    public string Folder { get; } = paths.Resolve(options.Value.FilesPath);

    /// <summary>Stores an image; returns its file reference, or null when it is not an image we accept or too large.</summary>
    public async Task<InboundFile?> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        if (Sniff(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is not { } kind)
        {
            return null;
        }

        Directory.CreateDirectory(Folder);
        var name = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.{kind.Extension}";
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), buffer.ToArray(), cancellationToken);
        return new InboundFile(RefPrefix + name, buffer.Length, kind.ContentType);
    }

    /// <summary>Copies a file the bot made (e.g. a chart) into the folder so the page can load it.</summary>
    public async Task<string> PublishAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var given = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        var extension = given is "png" or "gif" or "webp" ? given : "jpg";
        var name = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.{extension}";
        await using var source = File.OpenRead(path);
        await using var target = File.Create(Path.Combine(Folder, name));
        await source.CopyToAsync(target, cancellationToken);
        return UrlPath + name;
    }

    /// <summary>The page URL of a webchat file reference; null for other channels' references.</summary>
    public static string? UrlOf(string fileRef) =>
        fileRef.StartsWith(RefPrefix, StringComparison.Ordinal) && IsName(fileRef[RefPrefix.Length..])
            ? UrlPath + fileRef[RefPrefix.Length..]
            : null;

    /// <summary>The stored file for a name from a URL, or null when the name is not one we could have made.</summary>
    public (string Path, string ContentType)? Open(string name)
    {
        if (!IsName(name))
        {
            return null;
        }

        var path = Path.Combine(Folder, name);
        return File.Exists(path) ? (path, ContentTypeOf(Path.GetExtension(name))) : null;
    }

    private static bool IsName(string name) =>
        name.Length is > 33 and < 40 && name[32] == '.'
        && name[..32].All(char.IsAsciiHexDigitLower)
        && name[33..] is "jpg" or "png" or "gif" or "webp";

    private static string ContentTypeOf(string extension) => extension switch
    {
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => "image/jpeg",
    };

    private static (string Extension, string ContentType)? Sniff(ReadOnlySpan<byte> b) => b switch
    {
        [0xFF, 0xD8, 0xFF, ..] => ("jpg", "image/jpeg"),
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => ("png", "image/png"),
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => ("gif", "image/gif"),
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => ("webp", "image/webp"),
        _ => null,
    };
}
