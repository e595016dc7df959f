using ResidentBot.Bot.Attachments;
using Telegram.Bot;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>Downloads a file a person sent on Telegram (its file_id) with getFile and the Bot API's file URL.</summary>
internal sealed class TelegramFiles(ITelegramBotClient client) : IChannelFiles
{
    public string Channel => TelegramUpdateMapper.Channel;

    public async Task<long> DownloadAsync(InboundFile file, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(destination);
        var info = await client.GetFile(file.FileRef, cancellationToken).ConfigureAwait(false);
        if (info.FileSize > maxBytes || info.FilePath is null)
        {
            throw new InvalidDataException($"Telegram file {file.FileRef} is {info.FileSize} bytes; the limit is {maxBytes}.");
        }

        var start = destination.CanSeek ? destination.Position : 0;
        await client.DownloadFile(info.FilePath, destination, cancellationToken).ConfigureAwait(false);
        var length = destination.CanSeek ? destination.Position - start : info.FileSize ?? 0;
        return length <= maxBytes ? length : throw new InvalidDataException($"Telegram file {file.FileRef} exceeded the limit of {maxBytes} bytes.");
    }
}
