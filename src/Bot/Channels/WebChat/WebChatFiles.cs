using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Attachments;
using ResidentBot.Persistence;
using ResidentBot.Persistence.WebChat;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Photos of the web chat channel, kept in a folder under the content root with random names and recorded per
/// conversation (<see cref="WebChatUpload"/>). A file reference (<see cref="InboundFile.FileRef"/>,
/// <see cref="OutboundMessage.PhotoRef"/>) is <c>webchat:&lt;name&gt;</c>, served at <c>/webchat/files/&lt;name&gt;</c>.
/// Only JPEG, PNG, GIF and WebP are kept, recognised by their first bytes. When photos are kept in the database
/// (<see cref="AttachmentStore.InDatabase"/>), an upload's bytes are a photo of the <see cref="AttachmentStore"/> (its
/// source reference the <c>webchat:</c> one), so any host serves it, the intake finds it stored already, and the
/// attachment store's cleanup decides when its bytes go; the record here still counts the conversation's quota.
/// </summary>
internal sealed class WebChatFiles(IOptions<WebChatOptions> options, PersistencePaths paths, AttachmentStore attachments, IServiceScopeFactory scopes,
    TimeProvider time)
{
    public const string RefPrefix = "webchat:";
    public const string UrlPath = "/webchat/files/";

    public string Folder { get; } = paths.Resolve(options.Value.FilesPath);

    /// <summary>True when uploads are kept in the database (through <see cref="AttachmentStore"/>) rather than in <see cref="Folder"/>.</summary>
    public bool InDatabase => attachments.InDatabase;

    /// <summary>Bytes the conversation stored in the last 24 hours (what its quota counts).</summary>
    public async Task<long> BytesUploadedTodayAsync(string conversationId, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().AddDays(-1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        return await db.WebChatUploads.Where(u => u.ConversationId == conversationId && u.CreatedAt > since).SumAsync(u => u.Bytes, cancellationToken);
    }

    /// <summary>
    /// Stores every part when every part is an image we accept within <paramref name="maxBytes"/> in all; otherwise
    /// stores none and returns null.
    /// </summary>
    public async Task<IReadOnlyList<InboundFile>?> SaveImagesAsync(IReadOnlyList<IFormFile> parts, long maxBytes, string conversationId,
        CancellationToken cancellationToken)
    {
        var images = new List<(byte[] Bytes, string Extension, string ContentType)>();
        foreach (var part in parts)
        {
            await using var stream = part.OpenReadStream();
            var bytes = await ReadCappedAsync(stream, maxBytes - images.Sum(i => i.Bytes.LongLength), cancellationToken);
            if (bytes is null || Sniff(bytes) is not { } kind)
            {
                return null;
            }

            images.Add((bytes, kind.Extension, kind.ContentType));
        }

        var saved = new List<InboundFile>();
        foreach (var (bytes, extension, contentType) in images)
        {
            var name = await StoreAsync(conversationId, extension, bytes.LongLength,
                (path, ct) => File.WriteAllBytesAsync(path, bytes, ct), _ => Task.FromResult(bytes), cancellationToken);
            saved.Add(new InboundFile(RefPrefix + name, bytes.LongLength, contentType));
        }

        return saved;
    }

    /// <summary>Copies a file the bot made (e.g. a chart) into the folder so the page can load it.</summary>
    public async Task<string> PublishAsync(string path, string conversationId, CancellationToken cancellationToken)
    {
        var given = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        var extension = given is "png" or "gif" or "webp" ? given : "jpg";
        var name = await StoreAsync(conversationId, extension, new FileInfo(path).Length, async (target, ct) =>
        {
            await using var source = File.OpenRead(path);
            await using var copy = File.Create(target);
            await source.CopyToAsync(copy, ct);
        }, ct => File.ReadAllBytesAsync(path, ct), cancellationToken);
        return UrlPath + name;
    }

    /// <summary>The page URL of a webchat file reference; null for other channels' references.</summary>
    public static string? UrlOf(string fileRef) => NameOf(fileRef) is { } name ? UrlPath + name : null;

    /// <summary>The stored name of a webchat file reference; null for other channels' references.</summary>
    public static string? NameOf(string fileRef) =>
        fileRef.StartsWith(RefPrefix, StringComparison.Ordinal) && IsName(fileRef[RefPrefix.Length..]) ? fileRef[RefPrefix.Length..] : null;

    /// <summary>The stored file for a name from a URL in <c>Folder</c> mode, or null when the name is not one we could have made.</summary>
    public (string Path, string ContentType)? Open(string name)
    {
        if (!IsName(name))
        {
            return null;
        }

        var path = Path.Combine(Folder, name);
        return File.Exists(path) ? (path, ContentTypeOf(Path.GetExtension(name))) : null;
    }

    /// <summary>The stored upload for a name from a URL, in either mode; null when the name is not one we could have made or it is gone.</summary>
    public async Task<AttachmentContent?> OpenStoredAsync(string name, CancellationToken cancellationToken)
    {
        if (!IsName(name))
        {
            return null;
        }

        if (InDatabase && await attachments.FindAsync(ChannelNames.WebChat, RefPrefix + name, cancellationToken) is { } photoRef
            && await attachments.OpenAsync(photoRef, cancellationToken) is { } stored)
        {
            return stored;
        }

        // A folder's file: Folder mode, or an upload kept before the store moved to the database.
        return Open(name) is { } file ? new AttachmentContent(File.OpenRead(file.Path), file.ContentType, new FileInfo(file.Path).Length, name) : null;
    }

    /// <summary>Removes a stored file (its record is the caller's); a name we could not have made is ignored. In the database there is one only from before.</summary>
    public void Delete(string name)
    {
        if (IsName(name) && (!InDatabase || File.Exists(Path.Combine(Folder, name))))
        {
            File.Delete(Path.Combine(Folder, name));
        }
    }

    /// <summary>
    /// In the database, removes the bytes of these uploads (whose records the caller removed) unless a case, a report in
    /// progress or a waiting message refers to the photo they became; returns how many went. Nothing to do in a folder.
    /// </summary>
    public async Task<int> DeleteStoredAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (!InDatabase || names.Count == 0)
        {
            return 0;
        }

        var refs = names.Select(n => RefPrefix + n).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var stored = await db.StoredAttachments.AsNoTracking().Where(a => a.SourceChannel == ChannelNames.WebChat && refs.Contains(a.SourceRef))
            .ToListAsync(cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<UnattachedPhotoCleanup>().RemoveAsync(stored, cancellationToken);
    }

    private async Task<string> StoreAsync(string conversationId, string extension, long bytes, Func<string, CancellationToken, Task> write,
        Func<CancellationToken, Task<byte[]>> read, CancellationToken cancellationToken)
    {
        if (!InDatabase)
        {
            Directory.CreateDirectory(Folder);
        }

        var name = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.{extension}";

        // Recorded first: a crash between the two leaves a record the cleanup removes, never an untracked file.
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            db.WebChatUploads.Add(new WebChatUpload { Name = name, ConversationId = conversationId, Bytes = bytes, CreatedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        if (InDatabase)
        {
            await attachments.StoreAsync(ChannelNames.WebChat, RefPrefix + name, await read(cancellationToken), extension,
                ContentTypeOf("." + extension), cancellationToken);
        }
        else
        {
            await write(Path.Combine(Folder, name), cancellationToken);
        }

        return name;
    }

    private static async Task<byte[]?> ReadCappedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
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

        return buffer.ToArray();
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
