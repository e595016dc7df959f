using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Questions;

/// <summary>Loads a question an official may answer now, or tells them why not (unknown, not theirs, answered already).</summary>
internal sealed class QuestionAccess
{
    public async Task<(DialogueQuestion Question, Dialogue Dialogue)?> LoadAsync(Turn turn, long questionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var question = await turn.Db.Set<DialogueQuestion>().FirstOrDefaultAsync(q => q.Id == questionId, cancellationToken);
        var dialogue = question is null ? null
            : await turn.Db.Set<Dialogue>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == question.DialogueId, cancellationToken);
        string? refusal = question is null || dialogue is null ? "Dialogue.Expired"
            : turn.Official is not { } official || (official.Id != question.ResponsibleOfficialId && official.Id != dialogue.LeaderOfficialId) ? "Dialogue.Answer.NotYours"
            : question.IsAnswered ? "Dialogue.Answer.Already"
            : null;
        if (refusal is not null)
        {
            turn.ButtonAnswer = (turn.T(refusal), true);
            if (turn.Message.Kind != Channels.InboundKind.ButtonPress)
            {
                turn.Reply(turn.T(refusal));
            }

            return null;
        }

        return (question!, dialogue!);
    }
}
