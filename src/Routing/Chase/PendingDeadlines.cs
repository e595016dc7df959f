using ResidentBot.Routing.Cases;

namespace ResidentBot.Routing.Chase;

public enum DeadlineKind
{
    Acknowledge,
    Resolve,
}

/// <summary>A deadline the case still has to meet.</summary>
public readonly record struct PendingDeadline(DeadlineKind Kind, DateTimeOffset At);

/// <summary>
/// The deadlines a case still has to meet (acknowledge while unacknowledged, resolve while open) and the first
/// of them: what the escalation, the digests, the escalation card and the officials' queues all count from.
/// </summary>
public static class PendingDeadlines
{
    public static IEnumerable<PendingDeadline> Of(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.Status.AwaitsAcknowledgement() && @case.AcknowledgeDueAt is { } ack)
        {
            yield return new PendingDeadline(DeadlineKind.Acknowledge, ack);
        }

        if (@case.Status.IsOpen() && @case.ResolveDueAt is { } resolve)
        {
            yield return new PendingDeadline(DeadlineKind.Resolve, resolve);
        }
    }

    /// <summary>The deadline that matters now; null when the case has none left.</summary>
    public static DateTimeOffset? First(Case @case)
    {
        DateTimeOffset? first = null;
        foreach (var deadline in Of(@case))
        {
            first = first is { } f && f <= deadline.At ? f : deadline.At;
        }

        return first;
    }

    /// <summary>The first missed deadline (a deadline is missed from its instant on); null when none is missed.</summary>
    public static DateTimeOffset? FirstMissed(Case @case, DateTimeOffset now) => First(@case) is { } first && first <= now ? first : null;
}
