using ResidentBot.Routing.Calendar;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.When;

namespace ResidentBot.Routing.Tests.When;

public sealed class DeadlineCalculatorWorkingDaysTests
{
    private static readonly TimeSpan Hanoi = TimeSpan.FromHours(7);

    [Fact]
    public void Whole_days_of_an_office_time_deadline_count_as_working_days()
    {
        var calculator = new DeadlineCalculator(new WorkingCalendar(new CalendarSettings(), []));
        var category = new Category { Code = "waste", NameVi = "Rác", NameEn = "Waste", AcknowledgeWithin = TimeSpan.FromHours(8), ResolveWithin = TimeSpan.FromDays(5) };

        // Monday 2026-11-23 09:00 local + 5 working days = the next Monday at 09:00.
        var deadlines = calculator.From(category, new DateTimeOffset(2026, 11, 23, 9, 0, 0, Hanoi));

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, Hanoi), deadlines.ResolveDueAt);
    }

    [Fact]
    public void Days_and_hours_combine_as_working_days_plus_office_hours()
    {
        var calculator = new DeadlineCalculator(new WorkingCalendar(new CalendarSettings(), []));
        var category = new Category { Code = "x", NameVi = "x", NameEn = "x", AcknowledgeWithin = new TimeSpan(1, 2, 0, 0), ResolveWithin = TimeSpan.FromDays(1) };

        // Friday 2026-11-27 08:00 + 1 working day = Monday 08:00; + 2 office hours = Monday 10:00.
        var deadlines = calculator.From(category, new DateTimeOffset(2026, 11, 27, 8, 0, 0, Hanoi));

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, Hanoi), deadlines.AcknowledgeDueAt);
    }
}
