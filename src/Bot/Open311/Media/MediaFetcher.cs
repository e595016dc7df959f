using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Attachments;

namespace ResidentBot.Bot.Open311.Media;

/// <summary>
/// Fetches a client's <c>media_url</c> as hostile input: the link checked by <see cref="MediaGuard"/>; every connection
/// made by <see cref="MediaConnector"/> to addresses it checked (no proxy, which would connect on its own); redirects
/// followed by hand, at most <see cref="MaxRedirects"/>, each checked like the first link; the whole fetch within
/// <see cref="Open311Options.MediaTimeout"/>; the body counted while it streams and cut at
/// <see cref="Open311Options.MediaMaxBytes"/>; the declared type and the first bytes both a JPEG, PNG or WebP image.
/// </summary>
internal sealed class MediaFetcher : IDisposable
{
    public const int MaxRedirects = 3;

    private static readonly HashSet<string> ImageTypes = new(StringComparer.OrdinalIgnoreCase) { "image/jpeg", "image/png", "image/webp" };

    private readonly HttpClient http;
    private readonly MediaGuard guard;
    private readonly Open311Options options;

    public MediaFetcher(MediaGuard guard, MediaConnector connector, IOptions<Open311Options> options)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(options);
        this.guard = guard;
        this.options = options.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = connector.ConnectAsync,
            ConnectTimeout = this.options.MediaTimeout,
            MaxResponseHeadersLength = 64,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ResidentBot-Open311", "1.0"));
        foreach (var type in ImageTypes)
        {
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }
    }

    public async Task<MediaFetch> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return MediaFetch.Refused("not an absolute link");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.MediaTimeout);
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                if (guard.Check(uri) is { } refusal)
                {
                    return MediaFetch.Refused(redirects == 0 ? refusal : "redirected: " + refusal);
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (redirects == MaxRedirects)
                    {
                        return MediaFetch.Refused($"more than {MaxRedirects} redirects");
                    }

                    uri = new Uri(uri, location);
                    continue;
                }

                if (status is 408 or 429 or >= 500)
                {
                    return MediaFetch.Failed($"HTTP {status}");
                }

                if (!response.IsSuccessStatusCode)
                {
                    return MediaFetch.Gone($"HTTP {status}");
                }

                return await ReadAsync(response, timeout.Token);
            }
        }
        catch (HttpRequestException ex) when (Refusal(ex) is { } refused)
        {
            return MediaFetch.Refused(refused.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return MediaFetch.Failed(ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return MediaFetch.Failed($"no answer within {options.MediaTimeout}");
        }
    }

    private async Task<MediaFetch> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentType?.MediaType;
        if (declared is null || !ImageTypes.Contains(declared))
        {
            return MediaFetch.Refused($"content type {declared ?? "(none)"} is not image/jpeg, image/png or image/webp");
        }

        var max = options.MediaMaxBytes;
        if (response.Content.Headers.ContentLength > max)
        {
            return MediaFetch.Refused($"larger than {max} bytes");
        }

        // Counted as it comes: a Content-Length can lie, and a chunked body has none.
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return MediaFetch.Refused($"larger than {max} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        return ImageKind.Sniff(bytes) is { } kind && ImageTypes.Contains(kind.ContentType)
            ? new MediaFetch(MediaOutcome.Fetched, null, bytes, kind.Extension, kind.ContentType)
            : MediaFetch.Refused("its first bytes are not a JPEG, PNG or WebP image");
    }

    private static MediaRefusedException? Refusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is MediaRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    public void Dispose() => http.Dispose();
}
