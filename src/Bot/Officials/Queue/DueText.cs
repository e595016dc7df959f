using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Queue;

/// <summary>The deadline that matters now (acknowledge while unacknowledged, else resolve) and how it reads.</summary>
internal static class DueText
{
    public static DateTimeOffset? NextDue(Case @case) =>
        @case.Status.AwaitsAcknowledgement() && @case.AcknowledgeDueAt is { } ack && (@case.ResolveDueAt is null || ack < @case.ResolveDueAt)
            ? ack
            : @case.ResolveDueAt ?? @case.AcknowledgeDueAt;

    public static bool IsOverdue(Case @case, DateTimeOffset now) => NextDue(@case) is { } due && due < now;

    public static string Describe(Turn turn, Case @case)
    {
        if (NextDue(@case) is not { } due)
        {
            return "—";
        }

        var left = due - turn.Now;
        return left < TimeSpan.Zero
            ? turn.T("Official.Due.Overdue", TimeText.Span(-left))
            : turn.T("Official.Due.In", TimeText.Span(left));
    }
}
