using ResidentBot.Routing.Chase;
using System.Globalization;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Chase.Schedule;
using ResidentBot.Bot.Chase.Supervisors;
using ResidentBot.Bot.Conversations.Choices;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Chase;

internal sealed partial class CaseChaser
{
    // Only the latest reminder that has come due per deadline: a sweep that was down for a while does not
    // send the 50% reminder after the 90% one.
    private async Task RemindAsync(
        Case @case, ChaseView view, CategoryChase chase, ChaseLedger ledger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = ChaseSchedule.Reminders(@case, chase.Clock, chase.Policy)
            .Where(r => r.At <= now && r.DeadlineAt > now)
            .GroupBy(r => r.Kind)
            .Select(g => g.MaxBy(r => r.Percent)!);
        foreach (var reminder in due)
        {
            var kind = reminder.Kind.ToString().ToLowerInvariant();
            var key = string.Create(CultureInfo.InvariantCulture, $"remind:{@case.Id}:{kind}:{reminder.Percent}:{reminder.DeadlineAt.UtcTicks}");
            if (ledger.Has(@case.Id, CaseEventKind.Reminded, key))
            {
                continue;
            }

            var official = @case.AccountableOfficialId!.Value;
            @case.Record(CaseEventKind.Reminded, Actor.System, now, key, official);
            var textKey = reminder.Kind == DeadlineKind.Acknowledge ? "Chase.Reminder.Acknowledge" : "Chase.Reminder.Resolve";
            await officials.SendAsync(official, key, chat => new OutboundMessage
            {
                Text = chat.T(textKey, @case.TrackingCode, Local(view, reminder.DeadlineAt), reminder.Percent),
                Tag = CaseTag.For(@case.Id),
            }, cancellationToken);
        }
    }

    /// <summary>Escalates when due; returns false when the case is overdue but nobody is above to escalate to.</summary>
    private async Task<bool> EscalateAsync(
        Case @case, ChaseView view, CategoryChase chase, DateTimeOffset? unreachableSince, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ChaseSchedule.EscalationDueAt(@case, chase.Clock, chase.Policy, unreachableSince) is not { } due || due > now)
        {
            return true;
        }

        var accountable = @case.AccountableOfficialId!.Value;
        var chain = view.Engine.Escalation.For(@case.AreaId, accountable, now);
        if (chain.Count == 0)
        {
            LogNoChain(@case.TrackingCode, accountable);
            return false;
        }

        // Past the top of the chain the top keeps being chased: the chase never stops while a case is open.
        var link = chain[Math.Min(@case.EscalationLevel + 1, chain.Count) - 1];
        var key = string.Create(CultureInfo.InvariantCulture, $"escalate:{@case.Id}:{link.Level}:{due.UtcTicks}");
        var cannotReach = ChaseSchedule.UnreachableDueAt(@case, unreachableSince) == due;
        var why = cannotReach ? " (no channel reaches the accountable official)" : string.Empty;
        @case.Escalate(link.Level, link.Official.Id, $"{link.Explanation}{why} [{key}]", now);
        LogEscalated(@case.TrackingCode, link.Level, link.Official.Id);

        var accountableTitle = view.Engine.Directory.OfficialsById.GetValueOrDefault(accountable)?.Title ?? string.Empty;
        var late = PendingDeadlines.FirstMissed(@case, now) is { } missed ? now - missed : TimeSpan.Zero;
        var caseArg = @case.Id.ToString(CultureInfo.InvariantCulture);
        await officials.SendAsync(link.Official.Id, key, chat => new OutboundMessage
        {
            Text = cannotReach
                ? chat.T("Chase.Escalation.Unreachable", @case.TrackingCode, link.Level, accountableTitle, @case.Description)
                : chat.T("Chase.Escalation.Card", @case.TrackingCode, link.Level, TimeText.Duration(chat.Language, late), accountableTitle, @case.Description),
            Buttons =
            [
                [
                    buttons.Button(chat.T("Chase.Button.Urge"), SupervisorActions.Urge, caseArg, chat.ChatId),
                    buttons.Button(chat.T("Chase.Button.Reassign"), SupervisorActions.Reassign, caseArg, chat.ChatId),
                    buttons.Button(chat.T("Chase.Button.Extend"), SupervisorActions.Extend, caseArg, chat.ChatId),
                ],
            ],
            Tag = CaseTag.For(@case.Id),
        }, cancellationToken);
        await residents.NotifyAsync(@case, "Chase.Resident.Escalated", [@case.TrackingCode, link.Official.Title], cancellationToken);
        return true;
    }

    private async Task RequestProgressAsync(Case @case, CategoryChase chase, ChaseLedger ledger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ChaseSchedule.ProgressDueAt(@case, chase.Policy, now) is not { } due)
        {
            return;
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"progress:{@case.Id}:{due.UtcTicks}");
        if (ledger.Has(@case.Id, CaseEventKind.ProgressRequested, key))
        {
            return;
        }

        var official = @case.AccountableOfficialId!.Value;
        @case.Record(CaseEventKind.ProgressRequested, Actor.System, now, key, official);
        await officials.SendAsync(official, key, chat => new OutboundMessage
        {
            Text = chat.T(channels.For(chat.Channel).HowToAnswer("Chase.Progress.Request"), @case.TrackingCode),
            Buttons = [[buttons.Button(chat.T("Chase.Button.Progress"), Progress.ProgressButton.Report,
                @case.Id.ToString(CultureInfo.InvariantCulture), chat.ChatId)]],
            Tag = ProgressTag.For(@case.Id),
        }, cancellationToken);
    }

    private async Task AutoCloseAsync(Case @case, CategoryChase chase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var policy = chase.Policy;
        if (ChaseSchedule.AutoCloseAt(@case, policy) is not { } at || at > now)
        {
            return;
        }

        @case.Close(Actor.System, now,
            $"Closed automatically: the resident did not answer within {TimeText.Duration(Resources.Texts.English, policy.AutoCloseAfter)} of the resolution.");
        await cards.RefreshAsync(@case, cancellationToken);
        await residents.NotifyAsync(@case, "Chase.Resident.AutoClosed", [@case.TrackingCode, TimeText.Span(policy.AutoCloseAfter)], cancellationToken);
    }

    private static string Local(ChaseView view, DateTimeOffset instant) => TimeText.Local(instant, view.Engine.Calendar.TimeZone);
}
