using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Chase.Schedule;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Chase;

namespace ResidentBot.Bot.Chase.Supervisors;

/// <summary>Asks the supervisor for the reason, then extends the resolve deadline and tells the resident why.</summary>
internal sealed class ExtendDeadlineFlow(ChaseRules rules, ResidentNotifier residents, OfficialNotifier officials, CaseCards cards) : IFlowHandler
{
    public const string Name = "chase.extend";
    public const string ReasonStep = "reason";

    public string Flow => Name;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var reason = turn.Message.Text?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            turn.Reply(turn.T("Chase.Extend.ReasonRequired"));
            return;
        }

        var state = turn.Data<State>();
        turn.EndFlow();
        if (state is null || await SupervisorCase.LoadAsync(turn, state.CaseId, cancellationToken) is not var (@case, supervisor))
        {
            SupervisorCase.Refuse(turn);
            return;
        }

        var view = await rules.GetAsync(cancellationToken);
        var from = @case.ResolveDueAt is { } current && current > turn.Now ? current : turn.Now;
        var newDue = view.Clock(@case).Add(from, ChasePolicy.InClock(view.Options.ExtendBy, view.Category(@case), view.Engine.Calendar));
        @case.ExtendDeadline(Actor.Official(supervisor.Id), $"{reason} ({supervisor.Title})", newDue, turn.Now);
        var date = TimeText.Local(newDue, view.Engine.Calendar.TimeZone);
        await residents.NotifyAsync(@case, "Chase.Resident.Extended", [@case.TrackingCode, date, reason], cancellationToken);
        await officials.SendAsync(@case.AccountableOfficialId!.Value, null, chat => new OutboundMessage
        {
            Text = chat.T("Chase.Extend.ToOfficial", @case.TrackingCode, date, supervisor.Title, reason),
            Tag = CaseTag.For(@case.Id),
        }, cancellationToken);
        await cards.RefreshAsync(@case, cancellationToken);
        turn.Reply(turn.T("Chase.Extend.Done", @case.TrackingCode, date));
    }

    internal sealed record State(long CaseId);
}
