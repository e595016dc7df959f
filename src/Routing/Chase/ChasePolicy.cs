using ResidentBot.Routing.Categories;
using ResidentBot.Routing.When;

namespace ResidentBot.Routing.Chase;

/// <summary>The chase rules for one category: the defaults with the directory's per-category overrides applied.</summary>
public sealed record ChasePolicy(
    IReadOnlyList<int> ReminderPercents,
    TimeSpan EscalateEvery,
    TimeSpan ProgressEvery,
    TimeSpan AutoCloseAfter)
{
    /// <summary>The reminder and close while the case waits for the resident (the same for every category).</summary>
    public WaitingPolicy Waiting { get; init; } = WaitingPolicy.Default;

    public static ChasePolicy For(Category category, ChaseSettings defaults, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(calendar);
        return new ChasePolicy(
            [.. defaults.ReminderPercents.Where(p => p is > 0 and < 100).Order()],
            category.EscalateEvery ?? InClock(defaults.EscalateEvery, category.RoundTheClock, calendar.WorkingDayLength),
            category.ProgressEvery ?? defaults.ProgressEvery,
            category.AutoCloseAfter ?? defaults.AutoCloseAfter)
        {
            Waiting = defaults.Waiting,
        };
    }

    public static TimeSpan InClock(TimeSpan duration, Category category, WorkingCalendar calendar) =>
        InClock(duration, category.RoundTheClock, calendar.WorkingDayLength);

    // Same rule as the directory's durations: a whole day of an office-time category is one working day.
    private static TimeSpan InClock(TimeSpan duration, bool roundTheClock, TimeSpan workingDay) =>
        roundTheClock || duration.Days == 0
            ? duration
            : (workingDay * duration.Days) + (duration - TimeSpan.FromDays(duration.Days));
}
