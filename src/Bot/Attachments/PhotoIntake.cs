using System.Text.Json;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Inbox;
using ResidentBot.Persistence.Inbox;

namespace ResidentBot.Bot.Attachments;

/// <summary>
/// Before a turn sees a photo, fetches it from the channel it came through (<see cref="IChannelFiles"/>), checks it
/// (size by the channel's <see cref="ChannelCapabilities.MaxPhotoBytes"/>, type by its first bytes) and stores it
/// once, so the turn sees an <c>attachment:</c> reference that every channel can deliver. A photo that cannot be kept
/// carries its <see cref="PhotoProblem"/> instead, and the dialogue says so. Runs outside the turns' transaction: a
/// slow download never holds the database's one writer.
/// </summary>
internal sealed partial class PhotoIntake(
    AttachmentStore store,
    IEnumerable<IChannelFiles> files,
    IEnumerable<IChannelSender> senders,
    IOptions<AttachmentOptions> options,
    ILogger<PhotoIntake> logger)
{
    private const int Parallel = 4;

    private readonly Dictionary<string, IChannelFiles> byChannel = files.ToDictionary(f => f.Channel, StringComparer.Ordinal);
    private readonly Dictionary<string, long> maxBytes = senders.ToDictionary(s => s.Channel, s => s.Capabilities.MaxPhotoBytes, StringComparer.Ordinal);

    /// <summary>Stores the photos of the pending entries and points their payloads (in memory) at the stored copies.</summary>
    public Task PrepareAsync(IReadOnlyList<InboxEntry> pending, CancellationToken cancellationToken) =>
        System.Threading.Tasks.Parallel.ForEachAsync(
            pending.Where(e => byChannel.ContainsKey(e.Channel)),
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                // An entry that cannot be prepared goes to its turn as it came (a malformed payload fails there, alone).
                try
                {
                    var message = InboxPayload.Read(entry);
                    if (message.Photos.Count == 0)
                    {
                        return;
                    }

                    var photos = new List<InboundFile>(message.Photos.Count);
                    foreach (var photo in message.Photos)
                    {
                        try
                        {
                            photos.Add(await StoreAsync(message.Channel, photo, ct));
                        }
                        catch (Exception ex) when (!ct.IsCancellationRequested)
                        {
                            // The store itself failed (disk, database): the person is asked to send the photo again.
                            LogStoreFailed(ex, photo.FileRef);
                            photos.Add(photo with { Problem = PhotoProblem.Unavailable });
                        }
                    }

                    entry.Payload = JsonSerializer.Serialize(message with { Photos = photos }, InboxPayload.Json);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    LogPrepareFailed(ex, entry.Id);
                }
            });

    /// <summary>The photo stored (its reference now <c>attachment:</c>), or marked with why it could not be.</summary>
    public async Task<InboundFile> StoreAsync(string channel, InboundFile photo, CancellationToken cancellationToken)
    {
        if (photo.Problem is not null || AttachmentStore.IdOf(photo.FileRef) is not null || !byChannel.TryGetValue(channel, out var source))
        {
            return photo;
        }

        if (await store.FindAsync(channel, photo.FileRef, cancellationToken) is { } known)
        {
            return photo with { FileRef = known };
        }

        var limit = maxBytes.GetValueOrDefault(channel, 10 * 1024 * 1024);
        if (photo.SizeBytes > limit)
        {
            return photo with { Problem = PhotoProblem.TooLarge };
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.FetchTimeout);
        using var buffer = new MemoryStream();
        try
        {
            await source.DownloadAsync(photo, buffer, limit, timeout.Token);
        }
        catch (InvalidDataException ex)
        {
            LogRefused(channel, photo.FileRef, ex.Message);
            return photo with { Problem = PhotoProblem.TooLarge, SizeBytes = photo.SizeBytes ?? buffer.Length };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(ex, channel, photo.FileRef);
            return photo with { Problem = PhotoProblem.Unavailable };
        }

        if (buffer.Length > limit)
        {
            return photo with { Problem = PhotoProblem.TooLarge, SizeBytes = buffer.Length };
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (ImageKind.Sniff(bytes.Span) is not { } kind)
        {
            LogRefused(channel, photo.FileRef, "not a JPEG, PNG, GIF or WebP image");
            return photo with { Problem = PhotoProblem.NotAnImage };
        }

        var stored = await store.StoreAsync(channel, photo.FileRef, bytes, kind.Extension, kind.ContentType, cancellationToken);
        return photo with { FileRef = stored, SizeBytes = bytes.Length, ContentType = kind.ContentType };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox entry {Id} could not be read for its photos; its turn will say why")]
    private partial void LogPrepareFailed(Exception ex, long id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Photo {FileRef} could not be stored")]
    private partial void LogStoreFailed(Exception ex, string fileRef);

    [LoggerMessage(Level = LogLevel.Information, Message = "Photo {FileRef} from {Channel} refused: {Reason}")]
    private partial void LogRefused(string channel, string fileRef, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Photo {FileRef} could not be fetched from {Channel}")]
    private partial void LogUnavailable(Exception ex, string channel, string fileRef);
}
