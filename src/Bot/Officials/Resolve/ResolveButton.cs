using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Resolve;

/// <summary>"Đã xử lý": asks for a short result note, which the resident will see when asked to confirm.</summary>
internal sealed class ResolveButton(CaseAccess access) : IButtonHandler
{
    public IReadOnlyCollection<string> Actions { get; } = [OfficialActions.Resolve];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(turn, argument, CaseAction.Resolve, cancellationToken) is not { } @case)
        {
            return;
        }

        turn.StartFlow(ResolveFlow.Name, "note", new CaseDraft(@case.Id, turn.Message.MessageId));
        turn.Reply(turn.T("Official.Resolve.Ask", @case.TrackingCode));
    }
}
