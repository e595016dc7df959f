using ResidentBot.Bot.Attachments;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Hands over a photo uploaded to a web conversation (<c>webchat:&lt;name&gt;</c>) from the web chat's files folder,
/// whose cleanup may remove it once it is stored in the attachment store.
/// </summary>
internal sealed class WebChatChannelFiles(WebChatFiles files) : IChannelFiles
{
    public string Channel => ChannelNames.WebChat;

    public async Task<long> DownloadAsync(InboundFile file, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(destination);
        if (WebChatFiles.NameOf(file.FileRef) is not { } name || files.Open(name) is not { } stored)
        {
            throw new FileNotFoundException($"Web chat upload {file.FileRef} is not stored.");
        }

        await using var source = File.OpenRead(stored.Path);
        if (source.Length > maxBytes)
        {
            throw new InvalidDataException($"Web chat upload {file.FileRef} is {source.Length} bytes; the limit is {maxBytes}.");
        }

        await source.CopyToAsync(destination, cancellationToken);
        return source.Length;
    }
}
