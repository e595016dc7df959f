using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Officials.CaseCard;

namespace ResidentBot.Bot.Officials.Reject;

/// <summary>The reason: rejects the case and tells the resident why (<see cref="RejectOperation"/>, as in the console).</summary>
internal sealed class RejectFlow(RejectOperation reject) : IFlowHandler
{
    public const string Name = "official.reject";

    public string Flow => Name;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var reason = turn.Message.Text?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            turn.Reply(turn.T("Official.NeedText"));
            return;
        }

        var draft = turn.Data<CaseDraft>();
        turn.EndFlow();
        if (draft is null || turn.Official is null)
        {
            return;
        }

        (await reject.RunAsync(ActingOfficial.Of(turn), draft.CaseId, reason, cancellationToken)).ShowIn(turn);
    }
}
