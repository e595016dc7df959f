using ResidentBot.Routing.Categories;

namespace ResidentBot.Routing.When;

/// <summary>Rõ tiến độ: a category's deadlines from a start instant, in office time or, for 24/7 categories, elapsed time.</summary>
public sealed class DeadlineCalculator(WorkingCalendar calendar)
{
    public WorkingCalendar Calendar { get; } = calendar ?? throw new ArgumentNullException(nameof(calendar));

    public Deadlines From(Category category, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(category);
        return new Deadlines(Add(category, start, category.AcknowledgeWithin), Add(category, start, category.ResolveWithin));
    }

    private DateTimeOffset Add(Category category, DateTimeOffset start, TimeSpan within) =>
        category.RoundTheClock ? (start + within).ToUniversalTime() : Calendar.AddWorkingTime(start, within);
}
