using System.Globalization;
using System.Net;
using System.Text;

namespace ResidentBot.Bot.Public;

/// <summary>
/// The map as a self-contained SVG: the directory's ward boundaries and a dot per rounded point (~100 m), orange where
/// cases are open, green where they were resolved, larger for more cases. No tiles and no script, so it draws offline.
/// Projection: equirectangular, longitude scaled by cos(latitude) at the map's centre (true shape at a city's scale).
/// </summary>
internal static class BoundaryMap
{
    public const int Width = 800;
    private const double Margin = 10;

    public static string Svg(PublicMap map, string title)
    {
        ArgumentNullException.ThrowIfNull(map);
        var points = map.Areas.SelectMany(a => a.Rings).SelectMany(r => r).ToList();
        if (points.Count == 0)
        {
            points = [.. map.Cells.Select(c => (c.Longitude, c.Latitude))];
        }

        if (points.Count == 0)
        {
            points = [(0, 0), (1, 1)];
        }

        var (west, east) = (points.Min(p => p.Lon), points.Max(p => p.Lon));
        var (south, north) = (points.Min(p => p.Lat), points.Max(p => p.Lat));
        var squeeze = Math.Cos((south + north) / 2 * Math.PI / 180);
        var scale = (Width - (2 * Margin)) / Math.Max((east - west) * squeeze, 1e-9);
        var height = (int)Math.Ceiling(((north - south) * scale) + (2 * Margin));
        string X(double lon) => F(Margin + ((lon - west) * squeeze * scale));
        string Y(double lat) => F(Margin + ((north - lat) * scale));

        var svg = new StringBuilder(64 * 1024);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">");
        svg.Append("<style>.a{fill:#f4f1ea;stroke:#6b6b6b;stroke-width:1.2}.o{fill:#e8590c;fill-opacity:.75}.r{fill:#2b8a3e;fill-opacity:.55}"
            + "text{font:10px sans-serif;fill:#333;text-anchor:middle}</style>");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(title)}</title>");
        foreach (var area in map.Areas)
        {
            svg.Append("<path class=\"a\" d=\"");
            foreach (var ring in area.Rings)
            {
                svg.Append('M');
                svg.AppendJoin('L', ring.Select(p => X(p.Lon) + "," + Y(p.Lat)));
                svg.Append('Z');
            }

            svg.Append("\"><title>").Append(WebUtility.HtmlEncode(area.Name)).Append("</title></path>");
        }

        // Resolved first, open on top: what still needs doing stays visible.
        svg.Append("<g class=\"r\">");
        foreach (var cell in map.Cells.Where(c => c.Resolved > 0))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(cell.Longitude)}\" cy=\"{Y(cell.Latitude)}\" r=\"{Radius(cell.Resolved)}\"/>");
        }

        svg.Append("</g><g class=\"o\">");
        foreach (var cell in map.Cells.Where(c => c.Open > 0))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(cell.Longitude)}\" cy=\"{Y(cell.Latitude)}\" r=\"{Radius(cell.Open)}\"/>");
        }

        svg.Append("</g>");
        foreach (var area in map.Areas.Where(a => a.Rings.Count > 0))
        {
            var ring = area.Rings[0];
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(ring.Average(p => p.Lon))}\" y=\"{Y(ring.Average(p => p.Lat))}\">{WebUtility.HtmlEncode(area.Name)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    // Area grows with the count, capped so neighbouring cells stay apart.
    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Radius(int count) => F(Math.Min(2 + Math.Sqrt(count), 6));
}
