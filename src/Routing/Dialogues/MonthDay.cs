using System.Globalization;

namespace ResidentBot.Routing.Dialogues;

/// <summary>A day of every year (<c>07-01</c> is 1 July), the date from which a leader behind their minimum is flagged.</summary>
public readonly record struct MonthDay(int Month, int Day)
{
    public static bool TryParse(string? text, out MonthDay value)
    {
        value = default;
        // 2024 is a leap year, so 02-29 parses; in other years it falls on 1 March (see On).
        if (!DateOnly.TryParseExact("2024-" + text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        value = new MonthDay(date.Month, date.Day);
        return true;
    }

    public DateOnly In(int year) => new DateOnly(year, Month, 1).AddDays(Day - 1);
}
