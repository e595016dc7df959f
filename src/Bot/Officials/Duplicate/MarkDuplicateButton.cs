using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Duplicate;

/// <summary>"Trùng phản ánh khác": asks for the tracking code of the case this one repeats.</summary>
internal sealed class MarkDuplicateButton(CaseAccess access) : IButtonHandler
{
    public IReadOnlyCollection<string> Actions { get; } = [OfficialActions.MarkDuplicate];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(turn, argument, CaseAction.MarkDuplicate, cancellationToken) is not { } @case)
        {
            return;
        }

        turn.StartFlow(MarkDuplicateFlow.Name, "code", new CaseDraft(@case.Id, turn.Message.MessageId));
        turn.Reply(turn.T("Official.Duplicate.Ask", @case.TrackingCode));
    }
}
