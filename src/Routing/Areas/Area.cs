namespace ResidentBot.Routing.Areas;

/// <summary>An administrative area: province, district, ward or commune. Areas form a tree of any depth.</summary>
public sealed class Area
{
    public int Id { get; set; }

    /// <summary>Stable directory key, e.g. <c>HD.TPHD.TRANPHU</c>; the import matches on it.</summary>
    public required string Code { get; set; }

    /// <summary>Vietnamese name as residents write it, e.g. "Phường Trần Phú".</summary>
    public required string Name { get; set; }

    public AreaLevel Level { get; set; }

    public int? ParentId { get; set; }

    public Area? Parent { get; set; }

    /// <summary>Other names residents use ("P. Trần Phú", "Tran Phu ward").</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>Optional boundary as a GeoJSON Polygon or MultiPolygon (WGS 84, lon/lat).</summary>
    public string? BoundaryGeoJson { get; set; }

    /// <summary>
    /// The fewest dialogues with residents (đối thoại) this area's leader must hold in a year: the area's own figure in
    /// the directory, else its level's; null when none is required.
    /// </summary>
    public int? DialoguesPerYear { get; set; }
}
