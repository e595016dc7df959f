using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Choices;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Where;

namespace ResidentBot.Bot.Officials.Transfer;

/// <summary>Typed input during a transfer: a ward name (matched by the routing engine's locator) or the reason.</summary>
internal sealed class TransferFlow(CaseAccess access, CurrentRouting routing, TransferPrompts prompts, CaseTransfer transfer) : IFlowHandler
{
    public const string Name = "official.transfer";
    public const string WardStep = "ward";
    public const string CategoryStep = "category";
    public const string ReasonStep = "reason";

    public string Flow => Name;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var text = turn.Message.Text?.Trim();
        var draft = turn.Data<CaseDraft>();
        if (draft is null || await access.LoadAsync(turn, draft.CaseId, CaseAction.Transfer, cancellationToken) is not { } @case)
        {
            turn.EndFlow();
            return;
        }

        if (string.IsNullOrEmpty(text))
        {
            turn.Reply(turn.T("Official.NeedText"));
            return;
        }

        switch (turn.Conversation.Step)
        {
            case WardStep:
                var match = (await routing.GetAsync(cancellationToken)).Locator.ByText(text);
                if (match is { IsFound: true, Area: { } area })
                {
                    turn.MoveTo(CategoryStep, draft with { AreaId = area.Id });
                    await prompts.AskCategoryAsync(turn, @case, area.Id, cancellationToken);
                }
                else if (match.Kind == AreaMatchKind.Choices)
                {
                    await prompts.AskWardAsync(turn, @case, match.Choices, cancellationToken);
                }
                else
                {
                    turn.Reply(turn.T("Official.Transfer.WardNotFound", text));
                }

                return;
            case ReasonStep when draft is { AreaId: { } areaId, CategoryId: { } categoryId }:
                turn.EndFlow();
                (await transfer.TransferAsync(ActingOfficial.Of(turn), @case, areaId, categoryId, text, cancellationToken)).ShowIn(turn);
                return;
            default:
                turn.Reply(turn.T(turn.Capabilities.Choose("Official.Transfer.UseButtons")));
                return;
        }
    }
}
