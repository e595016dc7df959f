using System.Globalization;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Chase.Schedule;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Chase.Supervisors;

/// <summary>What a supervisor can do with an escalated case: urge, reassign within the area, extend the deadline.</summary>
internal sealed class SupervisorActions(
    ChaseRules rules,
    OfficialNotifier officials,
    ButtonCodec buttons,
    CaseCards cards,
    ResidentNotifier residents) : IButtonHandler
{
    public const string Urge = "s.urge";
    public const string Reassign = "s.reas";
    public const string ReassignTo = "s.to";
    public const string Extend = "s.ext";

    public IReadOnlyCollection<string> Actions { get; } = [Urge, Reassign, ReassignTo, Extend];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        var parts = argument.Split('.');
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var caseId)
            || await SupervisorCase.LoadAsync(turn, caseId, cancellationToken) is not var (@case, supervisor))
        {
            SupervisorCase.Refuse(turn);
            return;
        }

        switch (action)
        {
            case Urge:
                @case.Record(CaseEventKind.Urged, Actor.Official(supervisor.Id), turn.Now, $"Urged by {supervisor.Title}", @case.AccountableOfficialId);
                await officials.SendAsync(@case.AccountableOfficialId!.Value, null, chat => new OutboundMessage
                {
                    Text = chat.T("Chase.Urge.ToOfficial", @case.TrackingCode, supervisor.Title),
                    Tag = CaseTag.For(@case.Id),
                }, cancellationToken);
                turn.ButtonAnswer = (turn.T("Chase.Urge.Done", @case.TrackingCode), false);
                break;
            case Reassign:
                await OfferOfficialsAsync(turn, @case, cancellationToken);
                break;
            case ReassignTo when parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to):
                await ReassignAsync(turn, @case, supervisor.Title, supervisor.Id, to, cancellationToken);
                break;
            case Extend:
                turn.StartFlow(ExtendDeadlineFlow.Name, ExtendDeadlineFlow.ReasonStep, new ExtendDeadlineFlow.State(caseId));
                turn.Reply(turn.T("Chase.Extend.AskReason", @case.TrackingCode));
                break;
            default:
                SupervisorCase.Refuse(turn);
                break;
        }
    }

    private async Task OfferOfficialsAsync(Turn turn, Case @case, CancellationToken cancellationToken)
    {
        var view = await rules.GetAsync(cancellationToken);
        var directory = view.Engine.Directory;
        var rows = directory.Posts
            .Where(p => p.AreaId == @case.AreaId && p.IsValidAt(turn.Now) && p.OfficialId != @case.AccountableOfficialId)
            .GroupBy(p => p.OfficialId)
            .Select(g => directory.OfficialsById[g.Key])
            .Select(o => (IReadOnlyList<OutboundButton>)[buttons.Button(o.Title, ReassignTo,
                string.Create(CultureInfo.InvariantCulture, $"{@case.Id}.{o.Id}"), turn.Message.UserId)])
            .ToList();
        turn.Reply(new OutboundMessage { Text = turn.T("Chase.Reassign.Choose", @case.TrackingCode), Buttons = rows });
    }

    private async Task ReassignAsync(Turn turn, Case @case, string supervisorTitle, int supervisorId, int officialId, CancellationToken cancellationToken)
    {
        var view = await rules.GetAsync(cancellationToken);
        var directory = view.Engine.Directory;
        var inArea = directory.Posts.Any(p => p.AreaId == @case.AreaId && p.OfficialId == officialId && p.IsValidAt(turn.Now));
        if (!inArea || officialId == @case.AccountableOfficialId || !directory.OfficialsById.TryGetValue(officialId, out var official))
        {
            SupervisorCase.Refuse(turn);
            return;
        }

        var former = @case.AccountableOfficialId!.Value;
        var due = view.Engine.DeadlinesFrom(@case.CategoryId, turn.Now);
        var explanation = $"Reassigned to {official.Title} by {supervisorTitle}";
        @case.Reassign(Actor.Official(supervisorId), explanation, new Assignment(officialId, explanation, due.AcknowledgeDueAt, due.ResolveDueAt, [RoutingReason.ReassignedBy(supervisorTitle)]), turn.Now);
        await cards.SendAsync(@case, cancellationToken);
        await officials.SendAsync(former, null, chat => new OutboundMessage
        {
            Text = chat.T("Chase.Reassign.ToFormer", @case.TrackingCode, supervisorTitle, official.Title),
            Tag = CaseTag.For(@case.Id),
        }, cancellationToken);
        await residents.NotifyAsync(@case, "Chase.Resident.Reassigned", [@case.TrackingCode, official.Title], cancellationToken);
        turn.Reply(turn.T("Chase.Reassign.Done", @case.TrackingCode, official.Title));
    }
}
