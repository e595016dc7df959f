using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Choices;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Transfer;

/// <summary>"Chuyển" and the ward and category choices that follow it; the reason comes as text (<see cref="TransferFlow"/>).</summary>
internal sealed class TransferButtons(CaseAccess access, TransferPrompts prompts) : IButtonHandler
{
    public IReadOnlyCollection<string> Actions { get; } =
        [OfficialActions.Transfer, OfficialActions.TransferWard, OfficialActions.TransferCategory];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(turn, argument, CaseAction.Transfer, cancellationToken) is not { } @case)
        {
            return;
        }

        var draft = turn.Conversation.Flow == TransferFlow.Name ? turn.Data<CaseDraft>() : null;
        if (draft?.CaseId != @case.Id)
        {
            draft = new CaseDraft(@case.Id, action == OfficialActions.Transfer ? turn.Message.MessageId : null);
        }

        _ = OfficialActions.TryParseIds(argument, out var ids);
        switch (action)
        {
            case OfficialActions.Transfer:
                turn.StartFlow(TransferFlow.Name, TransferFlow.WardStep, draft);
                await prompts.AskWardAsync(turn, @case, null, cancellationToken);
                break;
            case OfficialActions.TransferWard when ids.Length == 2:
                turn.StartFlow(TransferFlow.Name, TransferFlow.CategoryStep, draft with { AreaId = (int)ids[1] });
                await prompts.AskCategoryAsync(turn, @case, (int)ids[1], cancellationToken);
                break;
            case OfficialActions.TransferCategory when ids.Length == 2 && draft.AreaId is { } areaId:
                turn.StartFlow(TransferFlow.Name, TransferFlow.ReasonStep, draft with { CategoryId = (int)ids[1] });
                await prompts.AskReasonAsync(turn, @case, areaId, (int)ids[1], cancellationToken);
                break;
            default:
                // A category button from a transfer that was cancelled or superseded.
                turn.ButtonAnswer = (turn.T(turn.Capabilities.Choose("Official.Transfer.Expired")), true);
                return;
        }

        turn.ButtonAnswer = (null, false);
    }
}
