using ResidentBot.Bot.Attachments;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>
/// Downloads a photo a person sent (its <c>photo_url</c> on Zalo's servers), refusing anything over the limit before
/// it is read whole: the declared length is checked first, then the bytes as they arrive.
/// </summary>
internal sealed class ZaloBotFiles(IHttpClientFactory clients) : IChannelFiles
{
    public string Channel => ChannelNames.ZaloBot;

    public async Task<long> DownloadAsync(InboundFile file, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(destination);
        if (!Uri.TryCreate(file.FileRef, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidDataException("A Zalo bot photo is fetched from an http(s) URL only.");
        }

        var http = clients.CreateClient(ZaloBotClient.HttpClientName);
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new InvalidDataException($"The Zalo photo is {response.Content.Headers.ContentLength} bytes; the limit is {maxBytes}.");
        }

        var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new InvalidDataException($"The Zalo photo exceeded the limit of {maxBytes} bytes.");
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            return total;
        }
    }
}
