using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace ResidentBot.Bot.Public;

/// <summary>A directory boundary (GeoJSON Polygon or MultiPolygon) as plain rings of [longitude, latitude] for drawing.</summary>
internal static class BoundaryRings
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> Of(string geoJson)
    {
        var geometry = JsonSerializer.Deserialize<Geometry>(geoJson, GeoJson);
        if (geometry is null)
        {
            return [];
        }

        var rings = new List<IReadOnlyList<(double, double)>>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon polygon)
            {
                rings.Add(Ring(polygon.ExteriorRing));
                rings.AddRange(polygon.InteriorRings.Select(Ring));
            }
        }

        return rings;
    }

    private static List<(double, double)> Ring(LineString ring) => [.. ring.Coordinates.Select(c => (c.X, c.Y))];
}
