using ResidentBot.Routing.Cases;

namespace ResidentBot.Routing.Chase;

/// <summary>
/// "Paused time is not counted against the official": the resolve deadline after a pause is the time that was left
/// on it when the pause began, counted again in the category's clock from the moment the pause ended.
/// </summary>
public static class PausedClock
{
    /// <summary>The resolve deadline of a case resuming at <paramref name="resumedAt"/>; a case with no pause keeps its deadline.</summary>
    public static DateTimeOffset? ResumedDeadline(Case @case, ChaseClock clock, DateTimeOffset resumedAt)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.ResolveDueAt is not { } due || @case.PausedAt is not { } pausedAt || resumedAt <= pausedAt)
        {
            return @case.ResolveDueAt;
        }

        return ResumedDeadline(due, pausedAt, resumedAt, clock);
    }

    /// <summary>
    /// A deadline still ahead when the pause began keeps what was left of it; one already missed stays missed by as
    /// much as it was (the pause neither forgives nor adds lateness).
    /// </summary>
    public static DateTimeOffset ResumedDeadline(DateTimeOffset due, DateTimeOffset pausedAt, DateTimeOffset resumedAt, ChaseClock clock)
    {
        if (due > pausedAt)
        {
            var left = clock.Category.RoundTheClock ? due - pausedAt : clock.Calendar.WorkingTimeBetween(pausedAt, due);
            return clock.Add(resumedAt, left);
        }

        return due + (resumedAt - pausedAt);
    }
}

/// <summary>What the chase does while a case waits for the resident: one reminder to them, then a close with the reason.</summary>
/// <param name="RemindAfter">Remind the resident of the unanswered question this long after it was asked (elapsed time).</param>
/// <param name="CloseAfter">Close the case, saying why, when the resident has not answered this long after the question.</param>
public sealed record WaitingPolicy(TimeSpan RemindAfter, TimeSpan CloseAfter)
{
    public static WaitingPolicy Default { get; } = new(TimeSpan.FromDays(3), TimeSpan.FromDays(7));

    public DateTimeOffset? ReminderAt(Case @case) =>
        @case?.Status == CaseStatus.WaitingForResident && @case.PausedAt is { } at && RemindAfter < CloseAfter ? at + RemindAfter : null;

    public DateTimeOffset? CloseAt(Case @case) =>
        @case?.Status == CaseStatus.WaitingForResident && @case.PausedAt is { } at ? at + CloseAfter : null;

    /// <summary>The next instant the chase must look at a waiting case: the reminder while ahead, then the close.</summary>
    public DateTimeOffset? Next(Case @case, DateTimeOffset now) =>
        ReminderAt(@case) is { } remind && remind > now ? remind : CloseAt(@case);
}
