using System.ComponentModel.DataAnnotations;
using System.Net;

namespace ResidentBot.Bot.Open311;

/// <summary>Settings of the <c>Open311</c> section: the GeoReport v2 API at <c>/open311/v2/</c>.</summary>
internal sealed class Open311Options : IValidatableObject
{
    public const string Section = "Open311";

    /// <summary>Serve the API. On by default: nothing can be posted until an administrator makes a key.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The jurisdiction this endpoint serves (e.g. <c>haiduong.gov.vn</c>); when set, another <c>jurisdiction_id</c> is a 404.</summary>
    [MaxLength(100)]
    public string? JurisdictionId { get; set; }

    /// <summary>Requests one API key (or, without a key, one client address) may make a minute; 429 with Retry-After beyond.</summary>
    [Range(1, 100_000)]
    public int PermitsPerMinute { get; set; } = 60;

    /// <summary>Service requests per page of <c>GET requests</c> when the client does not say (<c>page_size</c>, at most <see cref="MaxPageSize"/>).</summary>
    [Range(1, MaxPageSize)]
    public int DefaultPageSize { get; set; } = 50;

    public const int MaxPageSize = 500;

    /// <summary>
    /// Host names whose <c>media_url</c> is fetched into the case's photos (e.g. <c>fixmystreet.haiduong.gov.vn</c>),
    /// matched exactly. Empty (the default): nothing is fetched, the link is only kept — a URL a client names is a
    /// request our server would make for them, so only hosts an administrator vouches for are fetched.
    /// </summary>
    public string[] MediaHosts { get; set; } = [];

    /// <summary>Also fetch <c>http://</c> links (https only by default; for a test server or a host on the city's own network).</summary>
    public bool MediaAllowHttp { get; set; }

    /// <summary>
    /// Networks (<c>10.20.0.0/16</c>, or one address) a media host may resolve to although they are private or loopback:
    /// a photo server on the city's own network. Empty by default: only public addresses are connected to.
    /// </summary>
    public string[] MediaTrustedNetworks { get; set; } = [];

    /// <summary>Largest photo fetched, counted while it streams in (a Content-Length is not trusted).</summary>
    [Range(typeof(long), "1024", "104857600")]
    public long MediaMaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Longest one fetch may take, from connecting to the last byte.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan MediaTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Fetches tried for network failures (timeouts, refused connections, 5xx) before giving up.</summary>
    [Range(1, 20)]
    public int MediaAttempts { get; set; } = 4;

    /// <summary>Wait before the second attempt; it doubles for each one after.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MediaRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var host in MediaHosts)
        {
            if (string.IsNullOrWhiteSpace(host) || Uri.CheckHostName(host.Trim()) == UriHostNameType.Unknown)
            {
                yield return new ValidationResult($"Open311:MediaHosts: '{host}' is not a host name.", [nameof(MediaHosts)]);
            }
        }

        foreach (var network in MediaTrustedNetworks)
        {
            if (!IPNetwork.TryParse(network?.Trim(), out _) && !IPAddress.TryParse(network?.Trim(), out _))
            {
                yield return new ValidationResult($"Open311:MediaTrustedNetworks: '{network}' is not an address or a network (10.20.0.0/16).",
                    [nameof(MediaTrustedNetworks)]);
            }
        }
    }
}
