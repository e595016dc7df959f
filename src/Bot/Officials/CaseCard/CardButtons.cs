using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.CaseCard;

/// <summary>After an action, the card's buttons are replaced by what the new status allows, so stale buttons disappear.</summary>
internal sealed class CardButtons(CaseCardRenderer cards)
{
    public void Refresh(Turn turn, Case @case, string? cardMessageId)
    {
        if (cardMessageId is null)
        {
            return;
        }

        var buttons = @case.AccountableOfficialId == turn.Official?.Id ? cards.Buttons(@case, turn.Language, turn.Message.UserId) : [];
        turn.Reply(new OutboundMessage { EditMessageId = cardMessageId, Buttons = buttons, Tag = CaseTag.For(@case.Id) });
    }
}
