using ResidentBot.Routing.Calendar;
using ResidentBot.Routing.When;
using static ResidentBot.Routing.Tests.TestDirectory;

namespace ResidentBot.Routing.Tests.When;

public sealed class WorkingCalendarTests
{
    // 2026-01-09 is a Friday; 2026-01-12 the Monday after.
    private static readonly DateTimeOffset FridayLate = Vn(2026, 1, 9, 16, 50);

    private static WorkingCalendar Calendar(params Holiday[] holidays) => new(new CalendarSettings(), holidays);

    private static Holiday Day(int month, int day, bool working = false) =>
        new() { Date = new DateOnly(2026, month, day), Name = "x", IsWorkingDay = working };

    [Fact]
    public void Eight_working_hours_from_late_friday_end_on_tuesday_morning()
    {
        var due = Calendar().AddWorkingTime(FridayLate, TimeSpan.FromHours(8));

        Assert.Equal(Vn(2026, 1, 13, 7, 50), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void Lunch_break_is_not_working_time()
    {
        Assert.Equal(Vn(2026, 1, 12, 14, 0), Calendar().AddWorkingTime(Vn(2026, 1, 12, 11, 0), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Time_left_at_the_end_of_the_day_carries_to_the_next_morning()
    {
        Assert.Equal(Vn(2026, 1, 13, 8, 0), Calendar().AddWorkingTime(Vn(2026, 1, 12, 16, 30), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Work_that_fits_exactly_ends_at_closing_time()
    {
        Assert.Equal(Vn(2026, 1, 12, 17, 0), Calendar().AddWorkingTime(Vn(2026, 1, 12, 16, 0), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Reports_made_before_opening_or_on_a_weekend_start_counting_at_the_next_opening()
    {
        Assert.Equal(Vn(2026, 1, 12, 8, 30), Calendar().AddWorkingTime(Vn(2026, 1, 12, 6, 0), TimeSpan.FromHours(1)));
        Assert.Equal(Vn(2026, 1, 12, 8, 30), Calendar().AddWorkingTime(Vn(2026, 1, 10, 10, 0), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Holidays_are_skipped()
    {
        var due = Calendar(Day(1, 12)).AddWorkingTime(FridayLate, TimeSpan.FromHours(8));

        Assert.Equal(Vn(2026, 1, 14, 7, 50), due);
    }

    [Fact]
    public void Make_up_working_saturday_counts()
    {
        var due = Calendar(Day(1, 10, working: true)).AddWorkingTime(FridayLate, TimeSpan.FromHours(8));

        Assert.Equal(Vn(2026, 1, 12, 7, 50), due);
    }

    [Fact]
    public void Working_time_between_skips_nights_weekends_and_lunch()
    {
        var calendar = Calendar();

        Assert.Equal(TimeSpan.FromHours(8), calendar.WorkingTimeBetween(FridayLate, Vn(2026, 1, 13, 7, 50)));
        Assert.Equal(TimeSpan.FromHours(1), calendar.WorkingTimeBetween(Vn(2026, 1, 12, 11, 0), Vn(2026, 1, 12, 14, 0)));
        Assert.Equal(TimeSpan.FromHours(-1), calendar.WorkingTimeBetween(Vn(2026, 1, 12, 14, 0), Vn(2026, 1, 12, 11, 0)));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Vn(2026, 1, 10, 8, 0), Vn(2026, 1, 11, 18, 0)));
    }

    [Fact]
    public void Adding_then_measuring_working_time_round_trips()
    {
        var calendar = Calendar(Day(1, 14), Day(1, 17, working: true));
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var start = Vn(2026, 1, 1, 0).AddMinutes(random.Next(0, 60 * 24 * 30));
            var duration = TimeSpan.FromMinutes(random.Next(1, 60 * 40));

            Assert.Equal(duration, calendar.WorkingTimeBetween(start, calendar.AddWorkingTime(start, duration)));
        }
    }

    [Theory]
    [InlineData("Mars/Olympus", "07:30-11:30", "Mon", "TimeZoneId")]
    [InlineData("Asia/Ho_Chi_Minh", "07:30-25:00", "Mon", "OfficeHours")]
    [InlineData("Asia/Ho_Chi_Minh", "13:30-17:00,07:30-11:30", "Mon", "OfficeHours")]
    [InlineData("Asia/Ho_Chi_Minh", "", "Mon", "OfficeHours")]
    [InlineData("Asia/Ho_Chi_Minh", "07:30-11:30", "Mon,Funday", "WorkingDays")]
    [InlineData("Asia/Ho_Chi_Minh", "07:30-11:30", "", "WorkingDays")]
    public void Malformed_calendar_settings_name_the_field(string zone, string hours, string days, string field)
    {
        var settings = new CalendarSettings { TimeZoneId = zone, OfficeHours = hours, WorkingDays = days };

        var error = Assert.Throws<CalendarFormatException>(() => new WorkingCalendar(settings, []));

        Assert.Equal(field, error.Field);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Full_day_names_and_any_case_are_accepted()
    {
        var calendar = new WorkingCalendar(new CalendarSettings { WorkingDays = "monday, TUE,Saturday" }, []);

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 1, 10)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 1, 9)));
    }
}
