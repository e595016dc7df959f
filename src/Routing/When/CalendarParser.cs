using System.Globalization;
using ResidentBot.Routing.Calendar;

namespace ResidentBot.Routing.When;

/// <summary>Reads the three calendar strings of <see cref="CalendarSettings"/>.</summary>
internal static class CalendarParser
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static TimeZoneInfo TimeZone(string? id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id ?? string.Empty);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new CalendarFormatException(nameof(CalendarSettings.TimeZoneId), id, "an IANA time zone such as Asia/Ho_Chi_Minh");
        }
    }

    /// <summary>"07:30-11:30,13:30-17:00" → ordered, non-overlapping periods within one day.</summary>
    public static IReadOnlyList<(TimeSpan Start, TimeSpan End)> OfficeHours(string? text)
    {
        const string expected = "periods like 07:30-11:30,13:30-17:00, in order and not overlapping";
        var periods = new List<(TimeSpan Start, TimeSpan End)>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length != 2 || !TryTime(bounds[0], out var start) || !TryTime(bounds[1], out var end) || end <= start
                || (periods.Count > 0 && start < periods[^1].End))
            {
                throw new CalendarFormatException(nameof(CalendarSettings.OfficeHours), text, expected);
            }

            periods.Add((start, end));
        }

        return periods.Count > 0 ? periods : throw new CalendarFormatException(nameof(CalendarSettings.OfficeHours), text, expected);
    }

    /// <summary>"Mon,Tue,Wed,Thu,Fri" (English names or three-letter abbreviations, any case).</summary>
    public static IReadOnlySet<DayOfWeek> WorkingDays(string? text)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var index = part.Length >= 3 ? Array.IndexOf(DayNames, part[..3].ToLowerInvariant()) : -1;
            if (index < 0 || !(part.Length == 3 || string.Equals(((DayOfWeek)index).ToString(), part, StringComparison.OrdinalIgnoreCase)))
            {
                throw new CalendarFormatException(nameof(CalendarSettings.WorkingDays), text, "day names like Mon,Tue,Wed,Thu,Fri");
            }

            days.Add((DayOfWeek)index);
        }

        return days.Count > 0
            ? days
            : throw new CalendarFormatException(nameof(CalendarSettings.WorkingDays), text, "at least one day, like Mon,Tue,Wed,Thu,Fri");
    }

    private static bool TryTime(string text, out TimeSpan time)
    {
        time = default;
        if (text is "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }

        if (!TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        time = parsed.ToTimeSpan();
        return true;
    }
}
