using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations.Status;
using ResidentBot.Bot.Notifications;

namespace ResidentBot.Bot.Conversations.AddInformation;

/// <summary>
/// A resident's Telegram reply to one of our messages about their case (confirmation, status, official's
/// answer) adds to that case. Messages to other chats, or about others' cases, are not claimed.
/// </summary>
internal sealed class ReplyToCaseInput(InformationAdder adder) : IInputHandler
{
    public async Task<bool> TryHandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var message = turn.Message;
        if (message.ReplyToMessageId is not { } repliedTo)
        {
            return false;
        }

        var tag = await turn.Db.OutboxMessages.AsNoTracking()
            .Where(m => m.Channel == message.Channel && m.Recipient == message.ChatId && m.ExternalMessageId == repliedTo && m.Tag != null)
            .Select(m => m.Tag).FirstOrDefaultAsync(cancellationToken);
        if (!CaseTag.TryParse(tag, out var caseId))
        {
            return false;
        }

        var @case = await StatusCommand.OwnCases(turn).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        return @case is not null && await adder.AddAsync(turn, @case, cancellationToken);
    }
}
