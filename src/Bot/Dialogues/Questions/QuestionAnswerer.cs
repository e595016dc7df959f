using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Questions;

/// <summary>
/// Records an official's answer on the question (which leaves the chase), sends it to the asker and shows it on the
/// card, in the turn's unit of work.
/// </summary>
internal sealed partial class QuestionAnswerer(QuestionCards cards, DialogueResidents residents, DialogueRules rules, ILogger<QuestionAnswerer> logger)
{
    public const string Notice = "dialogue-answer";

    public static bool Fits(string? text) => !string.IsNullOrEmpty(text) && text.Length <= DialogueQuestion.MaxAnswerLength;

    public async Task AnswerAsync(Turn turn, DialogueQuestion question, Dialogue dialogue, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(dialogue);
        var official = turn.Official ?? throw new InvalidOperationException("Only an official answers a question.");
        question.RecordAnswer(official.Id, text, turn.Now);
        var view = await rules.GetAsync(cancellationToken);
        if (await residents.ChatAsync(question.ResidentId, cancellationToken) is { } asker)
        {
            turn.Outbox.Enqueue(asker.To, new OutboundMessage
            {
                Text = asker.T("Dialogue.Answer.ToResident", official.Title, dialogue.Topic, question.Text, question.Answer),
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
