using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Questions;

/// <summary>An official answers a question by replying (Telegram's reply) to its card, as they can on a case card.</summary>
internal sealed class ReplyToQuestionCardInput(QuestionAccess access, QuestionAnswerer answerer) : IInputHandler
{
    public async Task<bool> TryHandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var message = turn.Message;
        if (turn.Official is null || message.ReplyToMessageId is not { } repliedTo || message.Kind != Channels.InboundKind.Text)
        {
            return false;
        }

        var tag = await turn.Db.OutboxMessages.AsNoTracking()
            .Where(m => m.Channel == message.Channel && m.Recipient == message.ChatId && m.ExternalMessageId == repliedTo && m.Tag != null)
            .OrderByDescending(m => m.Id).Select(m => m.Tag).FirstOrDefaultAsync(cancellationToken);
        if (QuestionOf(tag) is not { } questionId)
        {
            return false;
        }

        var text = message.Text?.Trim();
        if (!QuestionAnswerer.Fits(text))
        {
            turn.Reply(turn.T("Dialogue.Answer.Length", DialogueQuestion.MaxAnswerLength));
        }
        else if (await access.LoadAsync(turn, questionId, cancellationToken) is var (question, dialogue))
        {
            await answerer.AnswerAsync(turn, question, dialogue, text!, cancellationToken);
        }

        return true;
    }

    private static long? QuestionOf(string? tag)
    {
        var prefix = DialogueTag.Question(0)[..^1];
        return tag is not null && tag.StartsWith(prefix, StringComparison.Ordinal) && tag.EndsWith(":card", StringComparison.Ordinal)
            && long.TryParse(tag.AsSpan(prefix.Length, tag.Length - prefix.Length - ":card".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
    }
}
