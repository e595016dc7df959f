using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Questions;

/// <summary>
/// The official's next text after "Trả lời" is the answer: recorded on the question (which leaves the chase), sent to
/// the asker, and shown on the card.
/// </summary>
internal sealed partial class AnswerFlow(
    QuestionAccess access, QuestionCards cards, DialogueResidents residents, DialogueRules rules, ILogger<AnswerFlow> logger) : IFlowHandler
{
    public const string Notice = "dialogue-answer";

    public string Flow => AnswerButton.Flow;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = turn.Message.Kind == InboundKind.Text ? turn.Message.Text?.Trim() : null;
        if (string.IsNullOrEmpty(text) || text.Length > DialogueQuestion.MaxAnswerLength)
        {
            turn.Reply(turn.T("Dialogue.Answer.Length", DialogueQuestion.MaxAnswerLength));
            return;
        }

        var draft = turn.Data<AnswerDraft>();
        turn.EndFlow();
        if (draft is null || await access.LoadAsync(turn, draft.QuestionId, cancellationToken) is not var (question, dialogue))
        {
            return;
        }

        var official = turn.Official!;
        question.RecordAnswer(official.Id, text, turn.Now);
        var view = await rules.GetAsync(cancellationToken);
        if (await residents.ChatAsync(question.ResidentId, cancellationToken) is { } asker)
        {
            turn.Outbox.Enqueue(asker.Channel, asker.ChatId, new OutboundMessage
            {
                Text = asker.T("Dialogue.Answer.ToResident", official.Title, dialogue.Topic, question.Text, text),
                Tag = DialogueTag.Question(question.Id),
                Language = asker.Language,
                Notice = Notice,
                NoticeParams = new Dictionary<string, string> { ["topic"] = dialogue.Topic, ["official"] = official.Title },
            });
        }

        await cards.RefreshAsync(question, dialogue, view, cancellationToken);
        turn.Reply(turn.T(question.AnsweredOnTime ? "Dialogue.Answer.Sent" : "Dialogue.Answer.SentLate", question.Id));
        LogAnswered(question.Id, official.Id, question.AnsweredOnTime);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Question {QuestionId} answered by official {OfficialId}; on time: {OnTime}")]
    private partial void LogAnswered(long questionId, int officialId, bool onTime);
}
