using ResidentBot.Routing.Calendar;
using ResidentBot.Routing.Chase;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.When;

namespace ResidentBot.Routing.Tests.Chase;

public sealed class ChaseClockTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero); // 08:00 in Hải Dương

    [Fact]
    public void Before_in_office_time_is_the_first_minute_with_that_much_office_time_left()
    {
        var calendar = new WorkingCalendar(new CalendarSettings(), [new Holiday { Date = new DateOnly(2026, 2, 17), Name = "Tết" }]);
        var clock = new ChaseClock(new Category { Code = "c", NameVi = "c", NameEn = "c" }, calendar);
        var random = new Random(11);
        for (var i = 0; i < 300; i++)
        {
            var end = Monday + TimeSpan.FromSeconds(random.Next(0, 60 * 60 * 24 * 60));
            var span = TimeSpan.FromHours(8 * 20) * (random.Next(1, 100) / 100.0);

            Assert.Equal(Searched(calendar, end, span), clock.Before(end, span));
        }
    }

    // The definition, searched minute by minute from the answer's neighbourhood: smallest m with enough office time.
    private static DateTimeOffset Searched(WorkingCalendar calendar, DateTimeOffset end, TimeSpan span)
    {
        var (lo, hi) = (0L, (long)Math.Ceiling(TimeSpan.FromDays(365).TotalMinutes));
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = calendar.WorkingTimeBetween(end - TimeSpan.FromMinutes(mid), end) >= span ? (lo, mid) : (mid + 1, hi);
        }

        return end - TimeSpan.FromMinutes(lo);
    }
}
