using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Questions;

/// <summary>The resident's next text after choosing who should answer is the question.</summary>
internal sealed class AskFlow(QuestionIntake intake) : IFlowHandler
{
    public string Flow => AskButtons.Flow;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = turn.Message.Kind == InboundKind.Text ? turn.Message.Text?.Trim() : null;
        if (turn.Data<AskDraft>() is not { } draft)
        {
            turn.EndFlow();
            return;
        }

        if (text is null || text.Length is < DialogueQuestion.MinTextLength or > DialogueQuestion.MaxTextLength)
        {
            turn.Reply(turn.T("Dialogue.Ask.Length", DialogueQuestion.MinTextLength, DialogueQuestion.MaxTextLength, text?.Length ?? 0));
            return;
        }

        turn.EndFlow();
        await intake.AskAsync(turn, draft, text, cancellationToken);
    }
}
