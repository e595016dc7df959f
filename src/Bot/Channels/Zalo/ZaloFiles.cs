using ResidentBot.Bot.Attachments;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>
/// Downloads a file a person sent on Zalo: the event names it by a URL on Zalo's servers (the event was signed, so the
/// URL is Zalo's). Stops reading past the cap, whatever the server says the length is.
/// </summary>
internal sealed class ZaloFiles(IHttpClientFactory httpClients) : IChannelFiles
{
    public string Channel => ChannelNames.Zalo;

    public async Task<long> DownloadAsync(InboundFile file, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(destination);
        if (!Uri.TryCreate(file.FileRef, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidDataException($"'{file.FileRef}' is not the URL of a Zalo file.");
        }

        using var response = await httpClients.CreateClient(ZaloServiceCollectionExtensions.HttpClientName)
            .GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new InvalidDataException($"The Zalo file is {response.Content.Headers.ContentLength} bytes; the limit is {maxBytes}.");
        }

        var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var chunk = new byte[81920];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new InvalidDataException($"The Zalo file exceeded the limit of {maxBytes} bytes.");
                }

                await destination.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            return total;
        }
    }
}
