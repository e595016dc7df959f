using System.ComponentModel.DataAnnotations;

namespace ResidentBot.Bot.Public;

/// <summary>The public results page at <c>/public</c> (docs/PUBLIC.md).</summary>
internal sealed class PublicOptions
{
    public const string Section = "Public";

    /// <summary>Serve /public and refresh its figures; off, /public answers 404 and nothing is computed.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the figures are recomputed from the database; every request is served from the last result.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Optional map tiles under the boundaries, e.g. <c>https://tile.openstreetmap.org/{z}/{x}/{y}.png</c> (mind the tile
    /// server's usage policy); empty by default, the map is then the boundaries and the dots alone, with no request out.
    /// </summary>
    public string? TileUrl { get; set; }

    /// <summary>Credit shown under the map when tiles are used (tile providers require one).</summary>
    public string TileAttribution { get; set; } = "© OpenStreetMap contributors";

    /// <summary>A ward or commune is ranked only with at least this many reports in the 12 months.</summary>
    [Range(1, 1_000_000)]
    public int MinimumToRank { get; set; } = 30;

    /// <summary>
    /// The share of one core a refresh may use: it rests after each month it reads (<see cref="RefreshPacing"/>), so
    /// the first refresh after a start, which reads the whole year, does not take a core from the intake. 1: no rest.
    /// </summary>
    [Range(0.05, 1.0)]
    public double RefreshCpuShare { get; set; } = 0.25;

    /// <summary>How many of the latest published resolved cases are listed.</summary>
    [Range(0, 200)]
    public int RecentCases { get; set; } = 20;
}
