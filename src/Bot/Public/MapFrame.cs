namespace ResidentBot.Bot.Public;

/// <summary>
/// Where a longitude and latitude fall on the map (SVG units, <see cref="Width"/> wide): equirectangular with longitude
/// scaled by cos(latitude) at the centre, which at a city's scale matches the web map tiles' Mercator to well under a
/// pixel, so tiles can be laid under the same drawing.
/// </summary>
public sealed record MapFrame(double West, double North, double Squeeze, double Scale, double Margin, int Width, int Height)
{
    public static MapFrame Around(IReadOnlyCollection<(double Lon, double Lat)> points, int width, double margin)
    {
        ArgumentNullException.ThrowIfNull(points);
        var (west, east) = (points.Min(p => p.Lon), points.Max(p => p.Lon));
        var (south, north) = (points.Min(p => p.Lat), points.Max(p => p.Lat));
        var squeeze = Math.Cos((south + north) / 2 * Math.PI / 180);
        var scale = (width - (2 * margin)) / Math.Max((east - west) * squeeze, 1e-9);
        var height = (int)Math.Ceiling(((north - south) * scale) + (2 * margin));
        return new MapFrame(west, north, squeeze, scale, margin, width, height);
    }

    public double X(double lon) => Margin + ((lon - West) * Squeeze * Scale);

    public double Y(double lat) => Margin + ((North - lat) * Scale);

    public double Lon(double x) => West + ((x - Margin) / (Squeeze * Scale));

    public double Lat(double y) => North - ((y - Margin) / Scale);
}
