using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations;

namespace ResidentBot.Bot.Chase.Progress;

/// <summary>On Telegram, the accountable official's reply to a progress request is the progress note.</summary>
internal sealed class ProgressReplyHandler(ProgressNote notes) : IInputHandler
{
    public async Task<bool> TryHandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var message = turn.Message;
        if (turn.Official is null || message.ReplyToMessageId is not { } replyTo || string.IsNullOrWhiteSpace(message.Text))
        {
            return false;
        }

        var tag = await turn.Db.OutboxMessages.AsNoTracking()
            .Where(m => m.Channel == message.Channel && m.Recipient == message.ChatId && m.ExternalMessageId == replyTo)
            .Select(m => m.Tag).FirstOrDefaultAsync(cancellationToken);
        if (!ProgressTag.TryRead(tag, out var caseId))
        {
            return false;
        }

        if (await ProgressNote.LoadAsync(turn, caseId, cancellationToken) is { } @case)
        {
            await notes.RecordAsync(turn, @case, message.Text.Trim(), cancellationToken);
        }

        return true;
    }
}
