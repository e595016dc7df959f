using ResidentBot.Routing.Calendar;
using ResidentBot.Routing.When;
using static ResidentBot.Routing.Tests.TestDirectory;

namespace ResidentBot.Routing.Tests.When;

public sealed class WorkingCalendarBackwardsTests
{
    private static WorkingCalendar Calendar(params Holiday[] holidays) => new(new CalendarSettings(), holidays);

    [Fact]
    public void Eight_working_hours_before_tuesday_morning_is_late_friday()
    {
        Assert.Equal(Vn(2026, 1, 9, 16, 50), Calendar().SubtractWorkingTime(Vn(2026, 1, 13, 7, 50), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Counting_back_over_lunch_gives_the_latest_instant_with_that_much_office_time()
    {
        Assert.Equal(Vn(2026, 1, 12, 11, 0), Calendar().SubtractWorkingTime(Vn(2026, 1, 12, 14, 0), TimeSpan.FromHours(1)));
        Assert.Equal(Vn(2026, 1, 12, 13, 30), Calendar().SubtractWorkingTime(Vn(2026, 1, 12, 14, 0), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Backwards_from_a_holiday_skips_it()
    {
        var holiday = new Holiday { Date = new DateOnly(2026, 1, 12), Name = "x" };

        Assert.Equal(Vn(2026, 1, 9, 16, 0), Calendar(holiday).SubtractWorkingTime(Vn(2026, 1, 12, 12, 0), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Office_time_between_the_result_and_the_end_is_exactly_the_duration()
    {
        var calendar = Calendar(new Holiday { Date = new DateOnly(2026, 2, 17), Name = "Tết" });
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var end = Vn(2026, 1, 5, 0) + TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 60));
            var duration = TimeSpan.FromMinutes(random.Next(0, 60 * 8 * 30));

            var start = calendar.SubtractWorkingTime(end, duration);

            Assert.Equal(duration, calendar.WorkingTimeBetween(start, end));
            Assert.True(start == end || calendar.WorkingTimeBetween(start + TimeSpan.FromMinutes(1), end) < duration);
        }
    }
}
