using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Questions;

/// <summary>The official's next text after "Trả lời" is the answer.</summary>
internal sealed class AnswerFlow(QuestionAccess access, QuestionAnswerer answerer) : IFlowHandler
{
    public string Flow => AnswerButton.Flow;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = turn.Message.Kind == InboundKind.Text ? turn.Message.Text?.Trim() : null;
        if (!QuestionAnswerer.Fits(text))
        {
            turn.Reply(turn.T("Dialogue.Answer.Length", DialogueQuestion.MaxAnswerLength));
            return;
        }

        var draft = turn.Data<AnswerDraft>();
        turn.EndFlow();
        if (draft is not null && await access.LoadAsync(turn, draft.QuestionId, cancellationToken) is var (question, dialogue))
        {
            await answerer.AnswerAsync(turn, question, dialogue, text!, cancellationToken);
        }
    }
}
