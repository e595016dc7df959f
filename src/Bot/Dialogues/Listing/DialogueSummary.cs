using System.Text;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Listing;

/// <summary>
/// A dialogue's summary: what, when, where, and every question with its answer or who owes it by when. Askers are never
/// named. The same data serves the public page another issue adds.
/// </summary>
internal sealed class DialogueSummary(DialogueRules rules) : IButtonHandler
{
    public IReadOnlyCollection<string> Actions { get; } = [DialogueActions.Summary];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var dialogue = DialogueTag.TryId(argument, out var id)
            ? await turn.Db.Set<Dialogue>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            : null;
        if (dialogue is null)
        {
            turn.ButtonAnswer = (turn.T("Dialogue.Expired"), true);
            return;
        }

        var view = await rules.GetAsync(cancellationToken);
        var questions = await turn.Db.Set<DialogueQuestion>().AsNoTracking().Where(q => q.DialogueId == dialogue.Id)
            .OrderBy(q => q.AskedAt).ThenBy(q => q.Id).ToListAsync(cancellationToken);
        turn.Reply(Render(turn, view, dialogue, questions));
    }

    internal static string Render(Turn turn, DialogueView view, Dialogue dialogue, IReadOnlyList<DialogueQuestion> questions)
    {
        var officials = view.Engine.Directory.OfficialsById;
        var text = new StringBuilder(turn.T("Dialogue.Summary.Header", dialogue.Topic, DialogueText.Leader(view.Engine, dialogue),
            DialogueText.Scope(view.Engine, dialogue), DialogueText.When(view, dialogue), dialogue.Place,
            questions.Count, questions.Count(q => q.IsAnswered)));
        foreach (var (question, i) in questions.Select((q, i) => (q, i + 1)))
        {
            text.Append("\n\n").Append(turn.T("Dialogue.Summary.Question", i, question.Text));
            var title = officials.TryGetValue(question.AnsweredByOfficialId ?? question.ResponsibleOfficialId, out var who) ? who.Title : "?";
            text.Append('\n').Append(question.IsAnswered
                ? turn.T("Dialogue.Summary.Answer", title, question.Answer)
                : turn.T("Dialogue.Summary.Pending", title, TimeText.Local(question.AnswerDueAt, view.Zone)));
        }

        return text.ToString();
    }
}
