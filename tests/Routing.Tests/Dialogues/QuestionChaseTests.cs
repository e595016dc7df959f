using ResidentBot.Routing.Calendar;
using ResidentBot.Routing.Chase;
using ResidentBot.Routing.Dialogues;
using ResidentBot.Routing.When;
using static ResidentBot.Routing.Tests.TestDirectory;

namespace ResidentBot.Routing.Tests.Dialogues;

public sealed class QuestionChaseTests
{
    private static readonly ChaseSettings Defaults = new([50, 90], TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(7));

    private static QuestionChase Chase(params Holiday[] holidays) =>
        new(new WorkingCalendar(new CalendarSettings(), holidays), Defaults, TimeSpan.FromDays(5));

    /// <summary>Friday 6 March 2026, 08:00–10:00 in Hải Dương, announced on Monday.</summary>
    internal static Dialogue FridayDialogue() =>
        Dialogue.Announce(new NewDialogue(1, 3, 3, "Chỉnh trang hè phố", "Hội trường UBND phường", Vn(2026, 3, 6, 8), TimeSpan.FromHours(2), 1), Vn(2026, 3, 2, 9));

    private static DialogueQuestion Asked(QuestionChase chase, Dialogue dialogue, DateTimeOffset at)
    {
        var question = DialogueQuestion.Ask(dialogue, 42, "Khi nào lát lại vỉa hè phố Trần Phú?", new QuestionAssignment(7, 3, null, chase.AnswerDueAt(dialogue)), at);
        chase.Schedule(question, at);
        return question;
    }

    [Fact]
    public void The_answer_is_due_five_working_days_after_the_dialogue_ends()
    {
        Assert.Equal(Vn(2026, 3, 13, 10), Chase().AnswerDueAt(FridayDialogue()));
        Assert.Equal(Vn(2026, 3, 16, 10), Chase(new Holiday { Date = new DateOnly(2026, 3, 10), Name = "test" }).AnswerDueAt(FridayDialogue()));
    }

    [Fact]
    public void An_unanswered_question_is_reminded_at_half_and_ninety_percent_of_the_window_then_escalated_every_working_day()
    {
        var chase = Chase();
        var question = Asked(chase, FridayDialogue(), Vn(2026, 3, 3, 9));

        Assert.Equal(Vn(2026, 3, 10, 15, 45), question.NextChaseAt);
        Assert.Null(chase.ReminderDue(question, Vn(2026, 3, 10, 15, 44)));
        var half = chase.ReminderDue(question, Vn(2026, 3, 10, 15, 45));
        Assert.Equal(50, half?.Percent);
        chase.Reminded(question, half!);
        chase.AfterChase(question, stuck: false, Vn(2026, 3, 10, 15, 45));
        Assert.Equal(Vn(2026, 3, 12, 15, 45), question.NextChaseAt);

        Assert.Equal(90, chase.ReminderDue(question, Vn(2026, 3, 13, 9))?.Percent);
        chase.Reminded(question, chase.ReminderDue(question, Vn(2026, 3, 13, 9))!);
        chase.AfterChase(question, stuck: false, Vn(2026, 3, 13, 9));
        Assert.Equal(Vn(2026, 3, 13, 10), question.NextChaseAt);
        Assert.Equal(Vn(2026, 3, 13, 10), chase.EscalationDueAt(question));

        chase.Escalated(question, 1, Vn(2026, 3, 13, 10));
        chase.AfterChase(question, stuck: false, Vn(2026, 3, 13, 10));
        Assert.Equal(Vn(2026, 3, 16, 10), question.NextChaseAt);
    }

    [Fact]
    public void A_sweep_that_was_down_sends_only_the_latest_reminder()
    {
        var chase = Chase();
        var question = Asked(chase, FridayDialogue(), Vn(2026, 3, 3, 9));

        Assert.Equal(90, chase.ReminderDue(question, Vn(2026, 3, 13, 8))?.Percent);
        Assert.Null(chase.ReminderDue(question, Vn(2026, 3, 13, 10)));
    }

    [Fact]
    public void An_answered_question_leaves_the_chase_and_cannot_be_answered_twice()
    {
        var chase = Chase();
        var question = Asked(chase, FridayDialogue(), Vn(2026, 3, 3, 9));

        question.RecordAnswer(7, "Quý II năm nay phường sẽ lát lại.", Vn(2026, 3, 9, 9));

        Assert.Null(question.NextChaseAt);
        Assert.Null(chase.EscalationDueAt(question));
        Assert.Null(chase.ReminderDue(question, Vn(2026, 3, 13, 9)));
        Assert.True(question.AnsweredOnTime);
        Assert.Throws<InvalidOperationException>(() => question.RecordAnswer(7, "Lần nữa", Vn(2026, 3, 9, 10)));
    }

    [Fact]
    public void A_stuck_question_is_looked_at_again_later_not_in_the_same_sweep()
    {
        var chase = Chase();
        var question = Asked(chase, FridayDialogue(), Vn(2026, 3, 3, 9));

        chase.AfterChase(question, stuck: true, Vn(2026, 3, 13, 10));

        Assert.Equal(Vn(2026, 3, 13, 10) + NextChase.RetryAfter, question.NextChaseAt);
    }

    [Fact]
    public void Questions_are_taken_until_the_dialogue_ends_and_must_say_something()
    {
        var chase = Chase();
        var dialogue = FridayDialogue();
        var assignment = new QuestionAssignment(7, 3, null, chase.AnswerDueAt(dialogue));

        Assert.NotNull(DialogueQuestion.Ask(dialogue, 42, "Hỏi trong lúc đối thoại đang diễn ra", assignment, Vn(2026, 3, 6, 9, 59)));
        Assert.Throws<InvalidOperationException>(() => DialogueQuestion.Ask(dialogue, 42, "Hỏi sau khi đã kết thúc rồi", assignment, Vn(2026, 3, 6, 10)));
        Assert.Throws<ArgumentException>(() => DialogueQuestion.Ask(dialogue, 42, "Ngắn", assignment, Vn(2026, 3, 3, 9)));
    }

    [Fact]
    public void A_dialogue_is_announced_before_it_starts_with_a_topic_and_a_place()
    {
        Assert.Throws<ArgumentException>(() => Dialogue.Announce(
            new NewDialogue(1, 3, 3, "Chủ đề", "Hội trường", Vn(2026, 3, 2, 8), TimeSpan.FromHours(2), 1), Vn(2026, 3, 2, 9)));
        Assert.Throws<ArgumentException>(() => Dialogue.Announce(
            new NewDialogue(1, 3, 3, new string('x', Dialogue.MaxTopicLength + 1), "Hội trường", Vn(2026, 3, 6, 8), TimeSpan.FromHours(2), 1), Vn(2026, 3, 2, 9)));
        Assert.Throws<ArgumentException>(() => Dialogue.Announce(
            new NewDialogue(1, 3, 3, "Chủ đề", " ", Vn(2026, 3, 6, 8), TimeSpan.FromHours(2), 1), Vn(2026, 3, 2, 9)));
    }
}
