using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>Downloads a photo a resident sent (an <see cref="InboundFile.FileRef"/>), refusing files over MaxPhotoBytes.</summary>
public sealed class TelegramPhotoDownloader
{
    private readonly ITelegramBotClient _client;
    private readonly IOptions<TelegramOptions> _options;

    internal TelegramPhotoDownloader(ITelegramBotClient client, IOptions<TelegramOptions> options)
    {
        _client = client;
        _options = options;
    }

    /// <summary>Copies the file into <paramref name="destination"/> and returns its size in bytes.</summary>
    /// <exception cref="InvalidDataException">The file is larger than <see cref="TelegramOptions.MaxPhotoBytes"/>.</exception>
    public async Task<long> DownloadAsync(string fileRef, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var max = _options.Value.MaxPhotoBytes;
        var file = await _client.GetFile(fileRef, cancellationToken).ConfigureAwait(false);
        if (file.FileSize > max || file.FilePath is null)
        {
            throw new InvalidDataException($"Telegram file {fileRef} is {file.FileSize} bytes; the limit is {max}.");
        }

        var buffer = new MemoryStream();
        await using (buffer.ConfigureAwait(false))
        {
            await _client.DownloadFile(file.FilePath, buffer, cancellationToken).ConfigureAwait(false);
            if (buffer.Length > max)
            {
                throw new InvalidDataException($"Telegram file {fileRef} exceeded the limit of {max} bytes.");
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
            return buffer.Length;
        }
    }
}
