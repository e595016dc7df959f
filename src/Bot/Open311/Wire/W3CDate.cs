using System.Globalization;
using System.Text.RegularExpressions;

namespace ResidentBot.Bot.Open311.Wire;

/// <summary>
/// W3C date-times (<c>2026-12-02T10:15:00+07:00</c>) as GeoReport v2 wants them: written in the directory's time zone
/// with its offset; read with any offset, and a date or time without one taken in the directory's zone.
/// </summary>
internal static partial class W3CDate
{
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? instant, TimeZoneInfo zone) => instant is { } at ? Format(at, zone) : null;

    public static bool TryParse(string text, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        instant = default;
        var trimmed = text.Trim();
        if (!Shape().IsMatch(trimmed))
        {
            return false;
        }

        if (Offset().IsMatch(trimmed))
        {
            return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
        }

        if (!DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        instant = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Offset();
}
