using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.Converters;
using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Directory;

namespace ResidentBot.Routing.Where;

/// <summary>Point-in-polygon lookup over area boundaries, parsed and prepared once per snapshot.</summary>
internal sealed class AreaPolygonIndex
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private readonly STRtree<Boundary> _tree = new();
    private readonly DirectorySnapshot _directory;

    public AreaPolygonIndex(DirectorySnapshot directory)
    {
        _directory = directory;
        foreach (var area in directory.Areas.Where(a => !string.IsNullOrWhiteSpace(a.BoundaryGeoJson)))
        {
            var geometry = Parse(area);
            _tree.Insert(geometry.EnvelopeInternal, new Boundary(area, PreparedGeometryFactory.Prepare(geometry), Depth(area)));
        }

        _tree.Build();
    }

    public AreaMatch Find(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude) || Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180)
        {
            return AreaMatch.Unknown($"({latitude}, {longitude}) is not a valid GPS position");
        }

        var point = new Point(longitude, latitude);
        var covering = _tree.Query(point.EnvelopeInternal).Where(b => b.Geometry.Covers(point)).ToList();
        if (covering.Count == 0)
        {
            return AreaMatch.Unknown("The location is outside every known area");
        }

        var deepest = covering.Max(b => b.Depth);
        var tied = covering.Where(b => b.Depth == deepest).OrderBy(b => b.Area.Code, StringComparer.Ordinal).ToList();
        var chosen = tied[0];
        var onBorder = tied.Count > 1 || !chosen.Geometry.Contains(point);
        var explanation = onBorder
            ? $"The location is on the border of {string.Join(" and ", tied.Select(b => b.Area.Name))}; {chosen.Area.Name} was chosen"
            : $"The location is in {chosen.Area.Name}";
        return AreaMatch.Found(chosen.Area, explanation);
    }

    private static Geometry Parse(Area area)
    {
        try
        {
            var geometry = JsonSerializer.Deserialize<Geometry>(area.BoundaryGeoJson!, GeoJson);
            return geometry is Polygon or MultiPolygon && geometry.IsValid
                ? geometry
                : throw new ArgumentException($"The boundary of area {area.Code} must be a valid GeoJSON Polygon or MultiPolygon.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The boundary of area {area.Code} is not valid GeoJSON: {e.Message}", e);
        }
    }

    private int Depth(Area area) => _directory.SelfAndAncestors(area.Id).Count();

    private sealed record Boundary(Area Area, IPreparedGeometry Geometry, int Depth);
}
