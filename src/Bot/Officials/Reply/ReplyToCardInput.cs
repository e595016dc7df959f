using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Reply;

/// <summary>
/// An official answers by using Telegram's reply on a message we sent about a case (the card, a photo, a
/// forwarded resident message): the outbox remembers which case each sent message was about.
/// </summary>
internal sealed class ReplyToCardInput(CaseAccess access, ReplyRelay relay) : IInputHandler
{
    public async Task<bool> TryHandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var message = turn.Message;
        if (turn.Official is null || message.ReplyToMessageId is not { } repliedTo || !ReplyRelay.HasContent(message))
        {
            return false;
        }

        var tag = await turn.Db.OutboxMessages.AsNoTracking()
            .Where(m => m.Channel == message.Channel && m.Recipient == message.ChatId && m.ExternalMessageId == repliedTo && m.Tag != null)
            .OrderByDescending(m => m.Id).Select(m => m.Tag).FirstOrDefaultAsync(cancellationToken);
        if (!CaseTag.TryParse(tag, out var caseId))
        {
            return false;
        }

        if (await access.LoadAsync(turn, caseId, CaseAction.Reply, cancellationToken) is { } @case)
        {
            await relay.RelayAsync(turn, @case, cancellationToken);
        }

        return true;
    }
}
