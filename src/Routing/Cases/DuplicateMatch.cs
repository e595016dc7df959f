namespace ResidentBot.Routing.Cases;

/// <summary>Where a report is, for finding an open case it may repeat.</summary>
public sealed record ReportPlace(int CategoryId, int AreaId, double? Latitude, double? Longitude);

/// <summary>
/// FixMyStreet's rule for repeated reports: an active case of the same category within about 100 m of the report's
/// point, or in the same ward when the report has no point. The nearest (then the newest) wins.
/// </summary>
public static class DuplicateMatch
{
    public const double RadiusMeters = 100;

    private const double EarthRadiusMeters = 6_371_000;

    public static Case? Find(ReportPlace report, IEnumerable<Case> candidates)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(candidates);
        var same = candidates.Where(c => c.CategoryId == report.CategoryId && c.Status.IsActive() && c.DuplicateOfId is null);
        if (report is { Latitude: { } lat, Longitude: { } lon })
        {
            return same
                .Where(c => c is { Latitude: not null, Longitude: not null })
                .Select(c => (Case: c, Meters: DistanceMeters(lat, lon, c.Latitude!.Value, c.Longitude!.Value)))
                .Where(x => x.Meters <= RadiusMeters)
                .OrderBy(x => x.Meters).ThenByDescending(x => x.Case.CreatedAt)
                .Select(x => x.Case).FirstOrDefault();
        }

        return same.Where(c => c.AreaId == report.AreaId).OrderByDescending(c => c.CreatedAt).FirstOrDefault();
    }

    /// <summary>A box around the point a little larger than the radius, so a query reads only nearby rows.</summary>
    public static (double South, double West, double North, double East) Around(double latitude, double longitude)
    {
        var dLat = RadiusMeters / EarthRadiusMeters * (180 / Math.PI) * 1.1;
        var dLon = dLat / Math.Max(Math.Cos(latitude * Math.PI / 180), 0.01);
        return (latitude - dLat, longitude - dLon, latitude + dLat, longitude + dLon);
    }

    /// <summary>Great-circle distance (haversine), in meters.</summary>
    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
