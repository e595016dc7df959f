using ResidentBot.Bot.Attachments;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Hands over a photo uploaded to a web conversation (<c>webchat:&lt;name&gt;</c>) from the web chat's files folder,
/// whose cleanup may remove it once it is stored in the attachment store. In the database the upload is stored there
/// already and the intake finds it without asking; asked anyway, it is read from there.
/// </summary>
internal sealed class WebChatChannelFiles(WebChatFiles files) : IChannelFiles
{
    public string Channel => ChannelNames.WebChat;

    public async Task<long> DownloadAsync(InboundFile file, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(destination);
        if (files.InDatabase)
        {
            return await CopyStoredAsync(file, destination, maxBytes, cancellationToken);
        }

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

    private async Task<long> CopyStoredAsync(InboundFile file, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        if (WebChatFiles.NameOf(file.FileRef) is not { } name || await files.OpenStoredAsync(name, cancellationToken) is not { } stored)
        {
            throw new FileNotFoundException($"Web chat upload {file.FileRef} is not stored.");
        }

        await using (stored.Content)
        {
            if (stored.Length > maxBytes)
            {
                throw new InvalidDataException($"Web chat upload {file.FileRef} is {stored.Length} bytes; the limit is {maxBytes}.");
            }

            await stored.Content.CopyToAsync(destination, cancellationToken);
            return stored.Length;
        }
    }
}
