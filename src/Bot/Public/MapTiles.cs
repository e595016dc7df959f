using System.Globalization;
using System.Net;
using System.Text;

namespace ResidentBot.Bot.Public;

/// <summary>
/// The optional tile layer (<see cref="PublicOptions.TileUrl"/>): the web-map tiles ({z}/{x}/{y}, Web Mercator) that
/// cover the map, as SVG images laid under the boundaries and dots. Plain markup, no script: the page still draws with
/// JavaScript off, and without a tile URL nothing of this is emitted and nothing is fetched from outside.
/// </summary>
internal static class MapTiles
{
    public static string Images(MapFrame frame, string tileUrl)
    {
        ArgumentNullException.ThrowIfNull(frame);
        // The zoom whose tiles have about as many pixels per degree as the map.
        var zoom = Math.Clamp((int)Math.Round(Math.Log2(frame.Scale * frame.Squeeze * 360 / 256)), 1, 18);
        var n = 1 << zoom;
        var (x0, x1) = (TileX(frame.Lon(0), n), TileX(frame.Lon(frame.Width), n));
        var (y0, y1) = (TileY(frame.Lat(0), n), TileY(frame.Lat(frame.Height), n));
        var svg = new StringBuilder();
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                var (left, right) = (frame.X(TileLon(x, n)), frame.X(TileLon(x + 1, n)));
                var (top, bottom) = (frame.Y(TileLat(y, n)), frame.Y(TileLat(y + 1, n)));
                var url = tileUrl.Replace("{s}", "a", StringComparison.Ordinal).Replace("{z}", I(zoom), StringComparison.Ordinal)
                    .Replace("{x}", I(x), StringComparison.Ordinal).Replace("{y}", I(y), StringComparison.Ordinal);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<image href=\"{WebUtility.HtmlEncode(url)}\" x=\"{left:0.#}\" y=\"{top:0.#}\" width=\"{right - left:0.#}\" height=\"{bottom - top:0.#}\" preserveAspectRatio=\"none\"/>");
            }
        }

        return svg.ToString();
    }

    /// <summary>The map SVG with the tiles inserted under everything it draws.</summary>
    public static string Under(string mapSvg, MapFrame frame, string tileUrl)
    {
        ArgumentNullException.ThrowIfNull(mapSvg);
        var open = mapSvg.IndexOf('>', StringComparison.Ordinal) + 1;
        return mapSvg.Insert(open, "<g class=\"tiles\">" + Images(frame, tileUrl) + "</g>");
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int TileX(double lon, int n) => Math.Clamp((int)Math.Floor((lon + 180) / 360 * n), 0, n - 1);

    private static int TileY(double lat, int n)
    {
        var r = lat * Math.PI / 180;
        return Math.Clamp((int)Math.Floor((1 - (Math.Log(Math.Tan(r) + (1 / Math.Cos(r))) / Math.PI)) / 2 * n), 0, n - 1);
    }

    private static double TileLon(int x, int n) => ((double)x / n * 360) - 180;

    private static double TileLat(int y, int n) => Math.Atan(Math.Sinh(Math.PI * (1 - (2.0 * y / n)))) * 180 / Math.PI;
}
