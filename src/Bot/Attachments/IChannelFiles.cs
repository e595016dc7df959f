using ResidentBot.Bot.Channels;

namespace ResidentBot.Bot.Attachments;

/// <summary>
/// Fetches a file a person sent on one channel (an <see cref="InboundFile"/>), so it can be stored once and forwarded
/// on whatever channel the recipient uses. One implementation per channel.
/// </summary>
public interface IChannelFiles
{
    string Channel { get; }

    /// <summary>
    /// Copies the file into <paramref name="destination"/> and returns its size in bytes.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is larger than <paramref name="maxBytes"/>.</exception>
    Task<long> DownloadAsync(InboundFile file, Stream destination, long maxBytes, CancellationToken cancellationToken);
}
