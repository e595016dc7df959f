using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Reject;

/// <summary>"Từ chối": asks for the reason, which the resident is told.</summary>
internal sealed class RejectButton(CaseAccess access) : IButtonHandler
{
    public IReadOnlyCollection<string> Actions { get; } = [OfficialActions.Reject];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(turn, argument, CaseAction.Reject, cancellationToken) is not { } @case)
        {
            return;
        }

        turn.StartFlow(RejectFlow.Name, "reason", new CaseDraft(@case.Id, turn.Message.MessageId));
        turn.Reply(turn.T("Official.Reject.Ask", @case.TrackingCode));
    }
}
