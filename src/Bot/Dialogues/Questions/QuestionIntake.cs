using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Start;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Questions;

/// <summary>
/// Records a resident's question with the one official who must answer it (the leader, or for a chosen category the
/// official the routing engine finds for the dialogue's area) and the deadline, and sends that official its card.
/// </summary>
internal sealed partial class QuestionIntake(DialogueRules rules, QuestionCards cards, ILogger<QuestionIntake> logger)
{
    public async Task AskAsync(Turn turn, AskDraft draft, string text, CancellationToken cancellationToken)
    {
        var dialogue = await turn.Db.Set<Dialogue>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == draft.DialogueId, cancellationToken);
        if (dialogue is null || !dialogue.TakesQuestions(turn.Now))
        {
            turn.Reply(MainMenu.With(turn, turn.T(dialogue is null ? "Dialogue.Expired" : "Dialogue.Ended")));
            return;
        }

        var view = await rules.GetAsync(cancellationToken);
        var due = view.Questions.AnswerDueAt(dialogue);
        var question = DialogueQuestion.Ask(dialogue, turn.Resident.Id, text, Assign(view, dialogue, draft.CategoryId, due, turn.Now), turn.Now);
        view.Questions.Schedule(question, turn.Now);
        turn.Db.Set<DialogueQuestion>().Add(question);
        await turn.Db.SaveChangesAsync(cancellationToken); // the card's button carries the question's id
        await cards.SendAsync(question, dialogue, view, cancellationToken);

        var responsible = view.Engine.Directory.OfficialsById[question.ResponsibleOfficialId].Title;
        turn.Reply(MainMenu.With(turn, turn.T("Dialogue.Ask.Received", question.Id, dialogue.Topic, responsible, TimeText.Local(due, view.Zone))) with
        {
            Tag = DialogueTag.Question(question.Id),
        });
        LogAsked(question.Id, dialogue.Id, question.ResponsibleOfficialId);
    }

    // A question for a field goes where a report of that field in the dialogue's area would; one for the leader stays with them.
    private static QuestionAssignment Assign(DialogueView view, Dialogue dialogue, int? categoryId, DateTimeOffset due, DateTimeOffset now)
    {
        if (categoryId is not { } category)
        {
            return new QuestionAssignment(dialogue.LeaderOfficialId, dialogue.LeaderAreaId, null, due);
        }

        var decision = view.Engine.Reroute(dialogue.ScopeAreaId, category, now);
        return new QuestionAssignment(decision.Official.Id, decision.Area.Id, category, due);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Question {QuestionId} to dialogue {DialogueId}, official {OfficialId} to answer")]
    private partial void LogAsked(long questionId, int dialogueId, int officialId);
}
