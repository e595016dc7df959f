using ResidentBot.Routing.Categories;
using ResidentBot.Routing.When;

namespace ResidentBot.Routing.Chase;

/// <summary>A category's clock: office time from the working calendar, or elapsed time for 24/7 categories.</summary>
public readonly record struct ChaseClock(Category Category, WorkingCalendar Calendar)
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

        // Counting backwards gives the exact instant; the minute after it is the answer when office time is
        // monotonic in wall-clock time, which the two checks confirm. Otherwise (a DST jump) search as before.
        var exact = (long)Math.Ceiling((end - Calendar.SubtractWorkingTime(end, span)).Ticks / (double)TimeSpan.TicksPerMinute);
        if (Calendar.WorkingTimeBetween(end - TimeSpan.FromMinutes(exact), end) >= span
            && (exact == 0 || Calendar.WorkingTimeBetween(end - TimeSpan.FromMinutes(exact - 1), end) < span))
        {
            return end - TimeSpan.FromMinutes(exact);
        }

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
