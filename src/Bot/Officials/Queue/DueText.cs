using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Chase;

namespace ResidentBot.Bot.Officials.Queue;

/// <summary>The deadline that matters now (acknowledge while unacknowledged, else resolve) and how it reads.</summary>
internal static class DueText
{
    public static DateTimeOffset? NextDue(Case @case) => PendingDeadlines.First(@case);

    public static bool IsOverdue(Case @case, DateTimeOffset now) => PendingDeadlines.FirstMissed(@case, now) is not null;

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
