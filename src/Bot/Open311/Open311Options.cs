using System.ComponentModel.DataAnnotations;

namespace ResidentBot.Bot.Open311;

/// <summary>Settings of the <c>Open311</c> section: the GeoReport v2 API at <c>/open311/v2/</c>.</summary>
internal sealed class Open311Options
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
}
