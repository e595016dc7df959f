using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.AskResident;

/// <summary>"Cần bổ sung thông tin": asks the official what the resident should add; the answer pauses the case.</summary>
internal sealed class AskResidentButton(CaseAccess access) : IButtonHandler
{
    public IReadOnlyCollection<string> Actions { get; } = [OfficialActions.AskResident];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(turn, argument, CaseAction.AskResident, cancellationToken) is not { } @case)
        {
            return;
        }

        turn.StartFlow(AskResidentFlow.Name, "question", new CaseDraft(@case.Id, turn.Message.MessageId));
        turn.Reply(turn.T("Official.AskResident.Ask", @case.TrackingCode));
    }
}
