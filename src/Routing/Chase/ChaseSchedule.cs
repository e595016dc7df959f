using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.When;

namespace ResidentBot.Routing.Chase;

/// <summary>A reminder before a deadline: at <see cref="Percent"/> of the category's time to it.</summary>
public sealed record ReminderDue(DeadlineKind Kind, int Percent, DateTimeOffset At, DateTimeOffset DeadlineAt);

/// <summary>
/// When the chase must look at a case, derived from the case alone: reminders before each pending deadline,
/// escalation after it (then every interval), progress requests while overdue, auto-close after resolution; while
/// the case waits for the resident, only their reminder and the close for no answer.
/// The one place that answers "when next?" — the sweep and the SaveChanges hook both use it.
/// </summary>
public static class ChaseSchedule
{
    /// <summary>The earliest instant the chase must look at the case again; null when there is nothing left to chase.</summary>
    public static DateTimeOffset? Next(Case @case, Category category, WorkingCalendar calendar, ChasePolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(policy);
        if (@case.Status == CaseStatus.Resolved)
        {
            return AutoCloseAt(@case, policy);
        }

        if (@case.Status == CaseStatus.WaitingForResident)
        {
            return policy.Waiting.Next(@case, now);
        }

        if (!@case.Status.IsOpen())
        {
            return null;
        }

        var clock = new ChaseClock(category, calendar);
        DateTimeOffset? next = EscalationDueAt(@case, clock, policy);
        foreach (var reminder in Reminders(@case, clock, policy).Where(r => r.At > now))
        {
            next = Min(next, reminder.At);
        }

        if (NextProgressAfter(@case, policy, now) is { } progress)
        {
            next = Min(next, progress);
        }

        return next;
    }

    /// <summary>Every reminder of the deadlines still pending (acknowledge while unacknowledged, resolve while open).</summary>
    public static IEnumerable<ReminderDue> Reminders(Case @case, ChaseClock clock, ChasePolicy policy)
    {
        foreach (var (kind, deadline) in PendingDeadlines.Of(@case))
        {
            var within = kind == DeadlineKind.Acknowledge ? clock.Category.AcknowledgeWithin : clock.Category.ResolveWithin;
            foreach (var reminder in Reminders(kind, deadline, within, clock, policy))
            {
                yield return reminder;
            }
        }
    }

    /// <summary>
    /// The reminders of one deadline that gives <paramref name="within"/> of the clock's time: at each of the policy's
    /// percents of it. Anything chased against a deadline (a case, a dialogue question) is reminded by this rule.
    /// </summary>
    public static IEnumerable<ReminderDue> Reminders(DeadlineKind kind, DateTimeOffset deadline, TimeSpan within, ChaseClock clock, ChasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        foreach (var percent in policy.ReminderPercents)
        {
            var at = clock.Before(deadline, within * ((100 - percent) / 100.0));
            yield return new ReminderDue(kind, percent, at, deadline);
        }
    }

    /// <summary>
    /// When the next escalation is due: at the first missed deadline, then every interval while a deadline is
    /// still missed. Derived from EscalationLevel and LastEscalatedAt, so it cannot be skipped or repeated.
    /// An accountable official whom no channel can reach (<paramref name="accountableUnreachableSince"/>) has missed the
    /// acknowledgement already: a case not yet escalated that awaits it escalates from that instant (or from the case's
    /// creation, if later), not at the deadline.
    /// </summary>
    public static DateTimeOffset? EscalationDueAt(Case @case, ChaseClock clock, ChasePolicy policy, DateTimeOffset? accountableUnreachableSince = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(policy);
        if (PendingDeadlines.First(@case) is not { } first || !@case.Status.IsOpen())
        {
            return null;
        }

        if (UnreachableDueAt(@case, accountableUnreachableSince) is { } unreachable && unreachable < first)
        {
            return unreachable;
        }

        return EscalationDueAt(first, @case.EscalationLevel, @case.LastEscalatedAt, clock, policy);
    }

    /// <summary>
    /// The escalation ladder of anything chased against a deadline: at the missed deadline, then every interval after
    /// the last escalation while it stays missed.
    /// </summary>
    public static DateTimeOffset EscalationDueAt(DateTimeOffset missedDeadline, int escalationLevel, DateTimeOffset? lastEscalatedAt, ChaseClock clock, ChasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return escalationLevel == 0 || lastEscalatedAt is not { } last
            ? missedDeadline
            : Max(missedDeadline, clock.Add(last, policy.EscalateEvery));
    }

    /// <summary>When a case escalates because no channel reaches its accountable official; null when that does not apply.</summary>
    public static DateTimeOffset? UnreachableDueAt(Case @case, DateTimeOffset? accountableUnreachableSince)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return accountableUnreachableSince is { } since && @case.EscalationLevel == 0 && @case.Status.AwaitsAcknowledgement()
            ? Max(since, @case.CreatedAt)
            : null;
    }

    /// <summary>The latest progress request instant at or before <paramref name="now"/> (every interval after the resolve deadline).</summary>
    public static DateTimeOffset? ProgressDueAt(Case @case, ChasePolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(policy);
        if (!@case.Status.IsOpen() || @case.ResolveDueAt is not { } due || now < due + policy.ProgressEvery)
        {
            return null;
        }

        var periods = (now - due).Ticks / policy.ProgressEvery.Ticks;
        return due + (policy.ProgressEvery * periods);
    }

    public static DateTimeOffset? AutoCloseAt(Case @case, ChasePolicy policy) =>
        @case.Status == CaseStatus.Resolved && @case.ResolvedAt is { } resolved ? resolved + policy.AutoCloseAfter : null;

    private static DateTimeOffset? NextProgressAfter(Case @case, ChasePolicy policy, DateTimeOffset now)
    {
        if (@case.ResolveDueAt is not { } due || policy.ProgressEvery <= TimeSpan.Zero)
        {
            return null;
        }

        return ProgressDueAt(@case, policy, now) is { } last ? last + policy.ProgressEvery : due + policy.ProgressEvery;
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x <= b ? x : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
