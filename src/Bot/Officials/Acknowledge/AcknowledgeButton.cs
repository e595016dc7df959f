using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Acknowledge;

/// <summary>"Tiếp nhận": the official takes the case in; the resident is told who (by title).</summary>
internal sealed class AcknowledgeButton(CaseAccess access, CaseCards cards, ResidentNotifier residents) : IButtonHandler
{
    public IReadOnlyCollection<string> Actions { get; } = [OfficialActions.Acknowledge];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(turn, argument, CaseAction.Acknowledge, cancellationToken) is not { } @case)
        {
            return;
        }

        var official = turn.Official!;
        if (!access.TryApply(turn, @case, () => @case.Acknowledge(Actor.Official(official.Id), turn.Now)))
        {
            return;
        }

        await residents.NotifyAsync(@case, "Official.ToResident.Acknowledged", [@case.TrackingCode, official.Title], cancellationToken);
        await cards.RefreshAsync(@case, cancellationToken);
        turn.ButtonAnswer = (turn.T("Official.Acknowledge.Done", @case.TrackingCode), false);
    }
}
