using ResidentBot.Routing.Calendar;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.When;
using static ResidentBot.Routing.Tests.TestDirectory;

namespace ResidentBot.Routing.Tests.When;

public sealed class DeadlineCalculatorTests
{
    private static readonly DateTimeOffset FridayLate = Vn(2026, 1, 9, 16, 50);

    private readonly DeadlineCalculator _calculator = new(new WorkingCalendar(new CalendarSettings(), []));

    private static Category Category(double acknowledgeHours, double resolveHours, bool roundTheClock) => new()
    {
        Code = "c", NameVi = "c", NameEn = "c", AcknowledgeWithin = TimeSpan.FromHours(acknowledgeHours),
        ResolveWithin = TimeSpan.FromHours(resolveHours), RoundTheClock = roundTheClock,
    };

    [Fact]
    public void Office_hours_category_counts_working_time_for_both_deadlines()
    {
        var due = _calculator.From(Category(8, 15, roundTheClock: false), FridayLate);

        Assert.Equal(Vn(2026, 1, 13, 7, 50), due.AcknowledgeDueAt);
        Assert.Equal(Vn(2026, 1, 13, 16, 50), due.ResolveDueAt);
        Assert.Equal(TimeSpan.Zero, due.ResolveDueAt.Offset);
    }

    [Fact]
    public void Round_the_clock_category_counts_elapsed_time_through_nights_and_weekends()
    {
        var due = _calculator.From(Category(4, 24, roundTheClock: true), FridayLate);

        Assert.Equal(Vn(2026, 1, 9, 20, 50), due.AcknowledgeDueAt);
        Assert.Equal(Vn(2026, 1, 10, 16, 50), due.ResolveDueAt);
        Assert.Equal(TimeSpan.Zero, due.AcknowledgeDueAt.Offset);
    }
}
