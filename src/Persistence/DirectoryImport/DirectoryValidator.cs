using System.Globalization;
using System.Text.RegularExpressions;
using ResidentBot.Routing.Calendar;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Officials;
using ResidentBot.Routing.When;

namespace ResidentBot.Persistence.DirectoryImport;

/// <summary>Checks a whole directory file and collects every error, each with its file, line and JSON path.</summary>
internal sealed partial class DirectoryValidator(string file, JsonLineMap lines)
{
    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private readonly List<DirectoryError> errors = [];

    // Every code written in the file, valid entry or not, so one mistake does not cascade into "unknown" errors.
    private readonly HashSet<string> categoryCodes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> areaCodes = new(StringComparer.OrdinalIgnoreCase);
    private TimeZoneInfo timeZone = TimeZoneInfo.Utc;

    public ValidatedDirectory Validate(DirectoryFile root)
    {
        Unknown(root, "$");
        var calendar = ValidateCalendar(root.Calendar, out var holidays);
        var categories = ValidateCategories(root.Categories, WorkingDayLength(calendar));
        var areas = ValidateAreas(root.Areas);
        ApplyDialogueMinimums(root.AreaLevels, areas);
        var officials = ValidateOfficials(root.Officials);
        CheckRootLeaders(areas, officials);
        if (errors.Count > 0)
        {
            throw new DirectoryImportException(errors);
        }

        return new ValidatedDirectory(calendar, holidays, categories, areas, officials);
    }

    private ParsedCalendar ValidateCalendar(CalendarNode? node, out List<ParsedHoliday> holidays)
    {
        holidays = [];
        const string path = "$.calendar";
        if (node is null)
        {
            Error(path, "is required");
            return new ParsedCalendar("", "", "");
        }

        Unknown(node, path);
        var zone = Required(node.TimeZone, path + ".timeZone");
        if (zone is not null)
        {
            try
            {
                timeZone = TimeZoneInfo.FindSystemTimeZoneById(zone);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                Error(path + ".timeZone", $"unknown time zone '{zone}' (use an IANA id such as Asia/Ho_Chi_Minh)");
            }
        }

        var periods = new List<string>();
        var previousEnd = TimeOnly.MinValue;
        foreach (var (text, i) in Items(node.OfficeHours, path + ".officeHours"))
        {
            var match = Period().Match(text ?? "");
            if (!match.Success || !TimeOnly.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var from)
                || !TimeOnly.TryParse(match.Groups[2].Value, CultureInfo.InvariantCulture, out var to) || to <= from || from < previousEnd)
            {
                Error($"{path}.officeHours[{i}]", $"'{text}' is not a period like 07:30-11:30 (ascending, not overlapping)");
                continue;
            }

            previousEnd = to;
            periods.Add($"{from:HH\\:mm}-{to:HH\\:mm}");
        }

        var days = new List<string>();
        foreach (var (text, i) in Items(node.WorkingDays, path + ".workingDays"))
        {
            var day = Weekdays.FirstOrDefault(d => string.Equals(d, text?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (day is null || days.Contains(day))
            {
                Error($"{path}.workingDays[{i}]", $"'{text}' is not one of {string.Join(", ", Weekdays)} (or is repeated)");
                continue;
            }

            days.Add(day);
        }

        var seen = new HashSet<DateOnly>();
        for (var i = 0; node.Holidays is not null && i < node.Holidays.Count; i++)
        {
            var at = $"{path}.holidays[{i}]";
            var holiday = node.Holidays[i];
            if (holiday is null)
            {
                Error(at, "must be an object");
                continue;
            }

            Unknown(holiday, at);
            var name = Required(holiday.Name, at + ".name");
            var dateText = Required(holiday.Date, at + ".date");
            if (dateText is null)
            {
                continue;
            }

            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Error(at + ".date", $"'{dateText}' is not a date like 2026-09-02");
            }
            else if (!seen.Add(date))
            {
                Error(at + ".date", $"{dateText} is listed twice");
            }
            else if (name is not null)
            {
                holidays.Add(new ParsedHoliday(date, name, holiday.WorkingDay ?? false));
            }
        }

        return new ParsedCalendar(zone ?? "", string.Join(',', periods), string.Join(',', days));
    }

    private List<ParsedCategory> ValidateCategories(List<CategoryNode?>? nodes, TimeSpan workingDay)
    {
        var result = new List<ParsedCategory>();
        foreach (var (node, at) in Nodes(nodes, "$.categories"))
        {
            var code = Code(node.Code, at + ".code", categoryCodes);
            var nameVi = Required(node.NameVi, at + ".nameVi");
            var nameEn = Required(node.NameEn, at + ".nameEn");
            var acknowledge = ParseDuration(node.AcknowledgeWithin, at + ".acknowledgeWithin");
            var resolve = ParseDuration(node.ResolveWithin, at + ".resolveWithin");
            if (acknowledge > resolve)
            {
                Error(at + ".resolveWithin", "must not be shorter than acknowledgeWithin");
            }

            if (node.Owner is not null)
            {
                Error(at + ".owner", "is no longer read: the area's specialist post for the category decides, else its leader; remove the field");
            }

            if (code is not null && nameVi is not null && nameEn is not null && acknowledge is { } a && resolve is { } r)
            {
                var roundTheClock = node.RoundTheClock ?? false;
                result.Add(new ParsedCategory(
                    code, nameVi, nameEn, InClock(a, roundTheClock, workingDay), InClock(r, roundTheClock, workingDay), roundTheClock, result.Count + 1)
                {
                    Chase = ValidateChase(node, at, roundTheClock, workingDay),
                    ResolveEvidence = ValidateEvidence(node.ResolveEvidence, at + ".resolveEvidence"),
                });
            }
        }

        return result;
    }

    // For office-time categories a "day" in the file is a working day ("trả lời trong 5 ngày làm việc"), so
    // whole days become that many working days of office time; hours and minutes stay office hours.
    private static TimeSpan InClock(TimeSpan duration, bool roundTheClock, TimeSpan workingDay) =>
        roundTheClock || duration.Days == 0
            ? duration
            : (workingDay * duration.Days) + (duration - TimeSpan.FromDays(duration.Days));

    private static TimeSpan WorkingDayLength(ParsedCalendar calendar)
    {
        try
        {
            var settings = new CalendarSettings { TimeZoneId = "UTC", OfficeHours = calendar.OfficeHours, WorkingDays = calendar.WorkingDays };
            return new WorkingCalendar(settings, []).WorkingDayLength;
        }
        catch (CalendarFormatException)
        {
            return TimeSpan.FromDays(1); // the calendar's own errors are reported where it is validated
        }
    }

    // escalateEvery counts in the category's clock like its deadlines; progressEvery and autoCloseAfter are calendar time.
    private ChaseOverrides ValidateChase(CategoryNode node, string at, bool roundTheClock, TimeSpan workingDay) => new(
        OptionalDuration(node.EscalateEvery, at + ".escalateEvery") is { } every ? InClock(every, roundTheClock, workingDay) : null,
        OptionalDuration(node.ProgressEvery, at + ".progressEvery"),
        OptionalDuration(node.AutoCloseAfter, at + ".autoCloseAfter"));

    private ResolveEvidence ValidateEvidence(string? text, string path)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "":
                return ResolveEvidence.None;
            case "photo":
                return ResolveEvidence.Photo;
            case "note":
                return ResolveEvidence.Note;
            default:
                Error(path, $"'{text}' is not a kind of proof: use \"photo\" (a photo of the result) or \"note\" (a note saying what was done)");
                return ResolveEvidence.None;
        }
    }

    private TimeSpan? OptionalDuration(string? text, string path) =>
        string.IsNullOrWhiteSpace(text) ? null : ParseDuration(text, path);

    private TimeSpan? ParseDuration(string? text, string path)
    {
        if (Required(text, path) is not { } value)
        {
            return null;
        }

        if (Duration.TryParse(value, out var duration))
        {
            return duration;
        }

        Error(path, $"'{value}' is not a duration such as 4h, 8h, 5d, 1d4h, 30m or 04:00:00");
        return null;
    }

    [GeneratedRegex(@"^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$")]
    private static partial Regex Period();
}
