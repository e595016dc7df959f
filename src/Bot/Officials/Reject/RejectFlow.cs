using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Reject;

/// <summary>The reason: rejects the case and tells the resident why.</summary>
internal sealed class RejectFlow(CaseAccess access, CaseCards cards, ResidentNotifier residents) : IFlowHandler
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
        if (draft is null || await access.LoadAsync(turn, draft.CaseId, CaseAction.Reject, cancellationToken) is not { } @case
            || !access.TryApply(turn, @case, () => @case.Reject(Actor.Official(turn.Official!.Id), reason, turn.Now)))
        {
            return;
        }

        await residents.NotifyAsync(@case, "Official.ToResident.Rejected", [@case.TrackingCode, turn.Official!.Title, reason], cancellationToken);
        await cards.RefreshAsync(@case, cancellationToken);
        turn.Reply(turn.T("Official.Reject.Done", @case.TrackingCode));
    }
}
