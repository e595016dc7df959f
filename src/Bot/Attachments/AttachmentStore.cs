using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Attachments;

namespace ResidentBot.Bot.Attachments;

/// <summary>
/// Photos stored once: a <see cref="StoredAttachment"/> row per photo and its bytes, as <c>Attachments:Store</c> says.
/// <para><b>Folder</b> (the default on SQLite): a file with a random name under <see cref="AttachmentOptions.Path"/>.
/// Files rather than database blobs: a photo is written once and read many times, SQLite's one writer would be held
/// while megabytes are copied into the database, backups and the WAL would carry them, and a file is served to the web
/// chat straight from disk. The row is written first, so a crash between the two leaves a row without its file (opened
/// as gone, removed as unattached), never a file nobody knows.</para>
/// <para><b>Database</b> (the default on PostgreSQL): a row of <see cref="StoredAttachmentContent"/>, written in the
/// same transaction as the photo's row and streamed back from it. PostgreSQL has no single-writer lock to hold while the
/// bytes go in (writers run side by side), and it is the one thing several hosts behind a load balancer share: a photo
/// one host took in is served and forwarded by any other without a shared folder. Its backups carry the photos, which
/// is what a deployment of several hosts wants anyway.</para>
/// </summary>
internal sealed class AttachmentStore(IOptions<AttachmentOptions> options, PersistencePaths paths, DatabaseConnection database,
    IServiceScopeFactory scopes, IWriteGate writeGate, TimeProvider time) : IAttachmentStore
{
    public string Folder { get; } = paths.Resolve(options.Value.Path);

    /// <summary>True when the bytes are kept in the database (<c>Attachments:Store</c> = <c>Database</c>) rather than in <see cref="Folder"/>.</summary>
    public bool InDatabase { get; } = options.Value.InDatabase(database.Provider);

    /// <summary>The id in an <c>attachment:&lt;id&gt;</c> reference; null for any other reference.</summary>
    public static long? IdOf(string photoRef) =>
        photoRef.StartsWith(IAttachmentStore.RefPrefix, StringComparison.Ordinal)
        && long.TryParse(photoRef.AsSpan(IAttachmentStore.RefPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public static string RefOf(long id) => IAttachmentStore.RefPrefix + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The photo already stored from this channel reference, if any (a redelivered or forwarded photo).</summary>
    public async Task<string?> FindAsync(string sourceChannel, string sourceRef, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var row = await db.StoredAttachments.AsNoTracking().Where(a => a.SourceChannel == sourceChannel && a.SourceRef == sourceRef)
            .Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(cancellationToken);
        // In the database the bytes were written with the row; a file may be missing (a crash between the two).
        return row is not null && (InDatabase || File.Exists(System.IO.Path.Combine(Folder, row.Name))) ? RefOf(row.Id) : null;
    }

    /// <summary>Stores checked image bytes and returns their reference.</summary>
    public async Task<string> StoreAsync(string sourceChannel, string sourceRef, ReadOnlyMemory<byte> bytes, string extension, string contentType,
        CancellationToken cancellationToken)
    {
        var row = new StoredAttachment
        {
            Name = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.{extension}",
            ContentType = contentType,
            Bytes = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes.Span)),
            SourceChannel = sourceChannel,
            SourceRef = sourceRef.Length > 512 ? sourceRef[..512] : sourceRef,
            CreatedAt = time.GetUtcNow(),
        };
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            using (await writeGate.EnterAsync(db, cancellationToken))
            {
                db.StoredAttachments.Add(row);
                if (InDatabase)
                {
                    db.AttachmentContents.Add(new StoredAttachmentContent { Attachment = row, Content = bytes.ToArray() });
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }

        if (InDatabase)
        {
            return RefOf(row.Id);
        }

        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(Path.Combine(Folder, row.Name), bytes, cancellationToken);
        return RefOf(row.Id);
    }

    public async Task<AttachmentContent?> OpenAsync(string photoRef, CancellationToken cancellationToken) =>
        await FindRowAsync(photoRef, cancellationToken) is { } row ? await OpenAsync(row, cancellationToken) : null;

    /// <summary>A stored photo by its random name (as a URL carries it), in either mode; null for a name we could not have made or that is gone.</summary>
    public async Task<AttachmentContent?> OpenByNameAsync(string name, CancellationToken cancellationToken)
    {
        if (!IsName(name))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var row = await db.StoredAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Name == name, cancellationToken);
        return row is null ? null : await OpenAsync(row, cancellationToken);
    }

    /// <summary>The stored photo's row, or null when <paramref name="photoRef"/> is not one of ours or is gone.</summary>
    public async Task<StoredAttachment?> FindRowAsync(string photoRef, CancellationToken cancellationToken)
    {
        if (IdOf(photoRef) is not { } id)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        return await db.StoredAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>The file of a stored photo by its name (as a URL carries it) in <c>Folder</c> mode; null for a name we could not have made.</summary>
    public (string Path, string ContentType)? OpenByName(string name)
    {
        if (!IsName(name) || ImageKind.ContentTypeOf(System.IO.Path.GetExtension(name)) is not { } contentType)
        {
            return null;
        }

        var path = System.IO.Path.Combine(Folder, name);
        return File.Exists(path) ? (path, contentType) : null;
    }

    public async Task<string?> CopyOnAsync(string photoRef, string channel, CancellationToken cancellationToken)
    {
        if (IdOf(photoRef) is not { } id)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        return await db.AttachmentCopies.Where(c => c.AttachmentId == id && c.Channel == channel).Select(c => c.ChannelRef)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task RememberCopyAsync(string photoRef, string channel, string? channelRef, CancellationToken cancellationToken)
    {
        if (IdOf(photoRef) is not { } id)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await db.AttachmentCopies.Where(c => c.AttachmentId == id && c.Channel == channel).ExecuteDeleteAsync(cancellationToken);
            if (channelRef is not null && channelRef.Length <= 512)
            {
                db.AttachmentCopies.Add(new AttachmentCopy { AttachmentId = id, Channel = channel, ChannelRef = channelRef, CreatedAt = time.GetUtcNow() });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// Removes a stored photo's file (its row is the caller's); a name we could not have made is ignored. In the database
    /// the bytes went with the row (cascade); a file is there only if the photo was stored before the store moved.
    /// </summary>
    public void DeleteFile(string name)
    {
        if (IsName(name))
        {
            var path = System.IO.Path.Combine(Folder, name);
            if (!InDatabase || File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }

    private async Task<AttachmentContent?> OpenAsync(StoredAttachment row, CancellationToken cancellationToken)
    {
        // In the database, a photo stored while the store was a folder is still read from its file (where that file is).
        var stream = (InDatabase ? await DatabaseContentStream.OpenAsync(scopes, row.Id, cancellationToken) : null) ?? OpenFile(row.Name);
        return stream is null ? null : new AttachmentContent(stream, row.ContentType, row.Bytes, row.Name);
    }

    private FileStream? OpenFile(string name)
    {
        try
        {
            return IsName(name) ? File.OpenRead(System.IO.Path.Combine(Folder, name)) : null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static bool IsName(string name) =>
        name.Length is > 33 and < 40 && name[32] == '.' && name[..32].All(char.IsAsciiHexDigitLower)
        && name[33..] is "jpg" or "png" or "gif" or "webp";
}
