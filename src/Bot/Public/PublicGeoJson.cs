using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Public;

/// <summary>The map's boundaries and rounded-point counts as GeoJSON, for the optional tile map (the SVG needs none of it).</summary>
internal static class PublicGeoJson
{
    public static string Of(PublicMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var features = new JsonArray();
        foreach (var area in map.Areas)
        {
            var rings = new JsonArray([.. area.Rings.Select(r => (JsonNode)new JsonArray([.. r.Select(p => (JsonNode)new JsonArray(p.Lon, p.Lat))]))]);
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = new JsonObject { ["kind"] = "area", ["name"] = area.Name },
                ["geometry"] = new JsonObject { ["type"] = "Polygon", ["coordinates"] = rings },
            });
        }

        foreach (var cell in map.Cells)
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = new JsonObject { ["kind"] = "cell", ["open"] = cell.Open, ["resolved"] = cell.Resolved },
                ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(cell.Longitude, cell.Latitude) },
            });
        }

        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString();
    }
}
