using ResidentBot.Routing.Categories;
using ResidentBot.Routing.When;

namespace ResidentBot.Bot.Chase.Schedule;

/// <summary>A category's clock: office time from the working calendar, or elapsed time for 24/7 categories.</summary>
internal readonly record struct ChaseClock(Category Category, WorkingCalendar Calendar)
{
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan span) =>
        Category.RoundTheClock ? start + span : Calendar.AddWorkingTime(start, span);

    /// <summary>The instant <paramref name="span"/> of this clock before <paramref name="end"/>, to the minute.</summary>
    public DateTimeOffset Before(DateTimeOffset end, TimeSpan span)
    {
        if (Category.RoundTheClock)
        {
            return end - span;
        }

        // WorkingCalendar only counts forwards, so search: widen until enough office time lies between, then bisect.
        var width = span;
        while (Calendar.WorkingTimeBetween(end - width, end) < span)
        {
            width += width;
        }

        var (lo, hi) = (0L, (long)Math.Ceiling(width.TotalMinutes));
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Calendar.WorkingTimeBetween(end - TimeSpan.FromMinutes(mid), end) >= span)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return end - TimeSpan.FromMinutes(lo);
    }
}
