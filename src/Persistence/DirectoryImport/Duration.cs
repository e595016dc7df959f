using System.Globalization;
using System.Text.RegularExpressions;

namespace ResidentBot.Persistence.DirectoryImport;

/// <summary>
/// Durations in the directory: a number and a unit, <c>30m</c>, <c>8h</c>, <c>5d</c>, combined as
/// <c>1d4h</c>; or <c>hh:mm:ss</c> / <c>d.hh:mm:ss</c>. For round-the-clock categories a day is 24 hours;
/// for office-time categories the validator turns each day into one working day of office time.
/// </summary>
internal static partial class Duration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return false;
        }

        if (value.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
        }

        var match = Units().Match(value);
        if (!match.Success)
        {
            return false;
        }

        duration = TimeSpan.FromDays(Number(match.Groups["d"])) + TimeSpan.FromHours(Number(match.Groups["h"]))
            + TimeSpan.FromMinutes(Number(match.Groups["m"]));
        return duration > TimeSpan.Zero;
    }

    private static int Number(Group group) =>
        group.Success ? int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?=\d)(?:(?<d>\d{1,4})d)?(?:(?<h>\d{1,5})h)?(?:(?<m>\d{1,6})m)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Units();
}
