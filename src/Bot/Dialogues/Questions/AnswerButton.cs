using ResidentBot.Bot.Conversations;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Questions;

/// <summary>"Trả lời" on a question card: asks the responsible official (or the dialogue's leader) for the answer.</summary>
internal sealed class AnswerButton(QuestionAccess access) : IButtonHandler
{
    public const string Flow = "dialogue.answer";

    public IReadOnlyCollection<string> Actions { get; } = [DialogueActions.Answer];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!DialogueTag.TryLongId(argument, out var id) || await access.LoadAsync(turn, id, cancellationToken) is not { } found)
        {
            return;
        }

        turn.StartFlow(Flow, "text", new AnswerDraft(found.Question.Id));
        turn.Reply(turn.T("Dialogue.Answer.Write", found.Question.Id, found.Question.Text));
    }
}

internal sealed record AnswerDraft(long QuestionId);
