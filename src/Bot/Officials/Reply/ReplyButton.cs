using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Reply;

/// <summary>"Trả lời": asks for the words to send to the resident (Telegram's own reply on the card works too).</summary>
internal sealed class ReplyButton(CaseAccess access) : IButtonHandler
{
    public IReadOnlyCollection<string> Actions { get; } = [OfficialActions.Reply];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(turn, argument, CaseAction.Reply, cancellationToken) is not { } @case)
        {
            return;
        }

        turn.StartFlow(ReplyFlow.Name, "text", new CaseDraft(@case.Id, turn.Message.MessageId));
        turn.Reply(turn.T("Official.Reply.Ask", @case.TrackingCode));
    }
}
