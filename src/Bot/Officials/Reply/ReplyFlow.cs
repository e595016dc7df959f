using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Reply;

/// <summary>The official's next text or photo after pressing "Trả lời" goes to the resident.</summary>
internal sealed class ReplyFlow(CaseAccess access, ReplyRelay relay) : IFlowHandler
{
    public const string Name = "official.reply";

    public string Flow => Name;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (!ReplyRelay.HasContent(turn.Message))
        {
            turn.Reply(turn.T("Official.NeedText"));
            return;
        }

        var draft = turn.Data<CaseDraft>();
        turn.EndFlow();
        if (draft is null || await access.LoadAsync(turn, draft.CaseId, CaseAction.Reply, cancellationToken) is not { } @case)
        {
            return;
        }

        await relay.RelayAsync(turn, @case, cancellationToken);
    }
}
