using ResidentBot.Routing.Cases;

namespace ResidentBot.Routing.Chase;

/// <summary>
/// The one writer of <see cref="Case.NextChaseAt"/>: after any change, and after the chase has done what was due.
/// Both ask <see cref="ChaseSchedule.Next"/>; they differ only in what happens to work that is already due.
/// </summary>
public static class NextChase
{
    /// <summary>How long a case whose chase cannot proceed (no one above, an error) waits before the next look.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(30);

    /// <summary>
    /// After a change made by anyone but the chase: the schedule's answer, except that a case already due stays
    /// due, so the chase still does work that fell due before this change.
    /// </summary>
    public static void AfterChange(Case @case, CategoryChase chase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var next = Next(@case, chase, now);
        if (next is { } computed && @case.NextChaseAt is { } due && due <= now && due < computed)
        {
            next = due;
        }

        @case.NextChaseAt = next;
    }

    /// <summary>
    /// After the chase did what was due: the schedule's answer, or a retry later when the chase was stuck or the
    /// schedule did not move on (so a case never loops within one sweep).
    /// </summary>
    public static void AfterChase(Case @case, CategoryChase chase, bool stuck, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var next = Next(@case, chase, now);
        @case.NextChaseAt = stuck || next <= now ? Postponed(now) : next;
    }

    /// <summary>
    /// The accountable official cannot be reached on any channel: the chase looks at the case at once (and escalates it,
    /// <see cref="ChaseSchedule.EscalationDueAt"/>). A case already due keeps its earlier instant.
    /// </summary>
    public static void LookNow(Case @case, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(@case);
        @case.NextChaseAt = @case.NextChaseAt is { } due && due <= now ? due : now;
    }

    /// <summary>When a case whose chase failed is looked at again.</summary>
    public static DateTimeOffset Postponed(DateTimeOffset now) => now + RetryAfter;

    private static DateTimeOffset? Next(Case @case, CategoryChase chase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chase);
        return ChaseSchedule.Next(@case, chase.Category, chase.Clock.Calendar, chase.Policy, now);
    }
}
