using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Resolve;

/// <summary>The result note: resolves the case and asks the resident to confirm the fix.</summary>
internal sealed class ResolveFlow(CaseAccess access, CaseCards cards, ResidentNotifier residents) : IFlowHandler
{
    public const string Name = "official.resolve";

    public string Flow => Name;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var note = turn.Message.Text?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            turn.Reply(turn.T("Official.NeedText"));
            return;
        }

        var draft = turn.Data<CaseDraft>();
        turn.EndFlow();
        if (draft is null || await access.LoadAsync(turn, draft.CaseId, CaseAction.Resolve, cancellationToken) is not { } @case
            || !access.TryApply(turn, @case, () => @case.Resolve(Actor.Official(turn.Official!.Id), note, turn.Now)))
        {
            return;
        }

        await residents.AskToConfirmAsync(@case, cancellationToken);
        await cards.RefreshAsync(@case, cancellationToken);
        turn.Reply(turn.T("Official.Resolve.Done", @case.TrackingCode));
    }
}
