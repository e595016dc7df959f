using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace ResidentBot.Pages.Bench;

/// <summary>A ward of the imported directory with what the seeder needs: its box, its leader, its specialists.</summary>
internal sealed record SeedWard(long Id, string Code, double South, double West, double North, double East, long Leader, Dictionary<string, long> Specialists);

internal sealed record SeedCategory(long Id, string Code, TimeSpan AcknowledgeWithin, TimeSpan ResolveWithin);

/// <summary>Reads the wards, posts and categories the host imported from the directory file.</summary>
internal static class SeedDirectory
{
    public static List<SeedWard> Wards(SqliteConnection c)
    {
        var allPosts = Map(c, "SELECT AreaId, OfficialId, IFNULL(CategoryCode, ''), Kind FROM Posts WHERE Kind IN ('Leader', 'Specialist') ORDER BY Rank");
        var wards = new List<SeedWard>();
        using var q = c.CreateCommand();
        q.CommandText = "SELECT Id, Code, BoundaryGeoJson FROM Areas WHERE Level IN ('Ward', 'Commune') AND BoundaryGeoJson IS NOT NULL ORDER BY Code";
        using var r = q.ExecuteReader();
        while (r.Read())
        {
            var id = r.GetInt64(0);
            var posts = allPosts.Where(p => p.Area == id).ToList();
            var leaders = posts.Where(p => p.Kind == "Leader").ToList();
            if (leaders.Count == 0)
            {
                continue;
            }

            var (s, w, n, e) = Box(JsonNode.Parse(r.GetString(2))!);
            var specialists = posts.Where(p => p.Kind == "Specialist" && p.Category.Length > 0)
                .GroupBy(p => p.Category).ToDictionary(g => g.Key, g => g.First().Official);
            wards.Add(new SeedWard(id, r.GetString(1), s, w, n, e, leaders[0].Official, specialists));
        }

        return wards;
    }

    public static List<SeedCategory> Categories(SqliteConnection c)
    {
        var categories = new List<SeedCategory>();
        using var q = c.CreateCommand();
        q.CommandText = "SELECT Id, Code, AcknowledgeWithin, ResolveWithin FROM Categories ORDER BY Code";
        using var r = q.ExecuteReader();
        while (r.Read())
        {
            categories.Add(new SeedCategory(r.GetInt64(0), r.GetString(1),
                TimeSpan.Parse(r.GetString(2), System.Globalization.CultureInfo.InvariantCulture),
                TimeSpan.Parse(r.GetString(3), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return categories;
    }

    private static List<(long Area, long Official, string Category, string Kind)> Map(SqliteConnection c, string sql)
    {
        using var q = c.CreateCommand();
        q.CommandText = sql;
        using var r = q.ExecuteReader();
        var rows = new List<(long, long, string, string)>();
        while (r.Read())
        {
            rows.Add((r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3)));
        }

        return rows;
    }

    // The bounding box of a GeoJSON Polygon or MultiPolygon: every [lon, lat] pair at any depth.
    private static (double South, double West, double North, double East) Box(JsonNode geometry)
    {
        var (s, w, n, e) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        var stack = new Stack<JsonNode>([geometry["coordinates"]!]);
        while (stack.TryPop(out var node))
        {
            var array = node.AsArray();
            if (array.Count >= 2 && array[0] is JsonValue lonValue && array[1] is JsonValue latValue)
            {
                var (lon, lat) = (lonValue.GetValue<double>(), latValue.GetValue<double>());
                (s, w, n, e) = (Math.Min(s, lat), Math.Min(w, lon), Math.Max(n, lat), Math.Max(e, lon));
                continue;
            }

            foreach (var child in array)
            {
                stack.Push(child!);
            }
        }

        return (s, w, n, e);
    }
}
