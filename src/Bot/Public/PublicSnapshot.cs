using ResidentBot.Routing.Results;

namespace ResidentBot.Bot.Public;

/// <summary>Everything /public shows, computed by one refresh and served unchanged until the next.</summary>
/// <remarks>Public, as are the types below, only because Razor components (always public) take them as parameters.</remarks>
public sealed record PublicSnapshot(
    DateTimeOffset RefreshedAt,
    DateTimeOffset Since,
    ResultFigures Overall,
    IReadOnlyList<WardResults> Wards,
    IReadOnlyList<RankedUnit<WardResults>> Ranking,
    IReadOnlyList<MonthResults> Months,
    IReadOnlyList<PublishedCase> Recent,
    PublicMap Map,
    int MinimumToRank,
    TimeSpan RefreshTook,
    PublicImages? Images = null)
{
    /// <summary>Until the first refresh ends, the page says the figures are being computed.</summary>
    public bool IsReady => RefreshedAt != DateTimeOffset.MinValue;

    public static PublicSnapshot NotYet { get; } = new(DateTimeOffset.MinValue, DateTimeOffset.MinValue, ResultFigures.Empty, [], [], [], [],
        PublicMap.Empty, 0, TimeSpan.Zero);
}

/// <summary>The charts drawn once per refresh: the trend per language, the map.</summary>
public sealed record PublicImages(string TrendVi, string TrendEn, string Map)
{
    public string Trend(string language) => language == Resources.Texts.English ? TrendEn : TrendVi;
}

/// <summary>A ward or commune, with its accountable posts by title (never a person's name).</summary>
public sealed record WardResults(int AreaId, string Name, string? ParentName, ResultFigures Figures, IReadOnlyList<PostResults> Posts);

public sealed record PostResults(string Title, ResultFigures Figures);

/// <summary>A calendar month in the directory's time zone, by the date cases were reported.</summary>
public sealed record MonthResults(DateOnly Month, ResultFigures Figures);

/// <summary>
/// A resolved case whose resident agreed to publication: what was reported and what was done, where to about 100 m,
/// and the result photos; nothing about who reported it.
/// </summary>
public sealed record PublishedCase(
    string TrackingCode, string CategoryVi, string CategoryEn, string Place, double? Latitude, double? Longitude, string Description, string ResultNote,
    string AccountableTitle, DateTimeOffset ReportedAt, DateTimeOffset ResolvedAt, IReadOnlyList<long> PhotoIds);

/// <summary>The map: boundaries and cases counted per rounded point (PlaceRounding), open and resolved apart.</summary>
public sealed record PublicMap(IReadOnlyList<MapArea> Areas, IReadOnlyList<MapCell> Cells, int WithoutPoint)
{
    public static PublicMap Empty { get; } = new([], [], 0);
}

/// <summary>A ward's boundary as rings of [longitude, latitude].</summary>
public sealed record MapArea(int AreaId, string Name, IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> Rings);

public sealed record MapCell(double Latitude, double Longitude, int Open, int Resolved);
