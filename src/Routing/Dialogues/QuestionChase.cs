using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Chase;
using ResidentBot.Routing.When;

namespace ResidentBot.Routing.Dialogues;

/// <summary>
/// The chase of dialogue questions, on the case chase's own rules (<see cref="ChaseSchedule"/>, <see cref="ChaseClock"/>,
/// <see cref="ChasePolicy"/>): the answer is due <c>AnswerWithin</c> of office time after the dialogue ends; reminders at
/// the policy's percents of that window; escalation at the deadline, then every interval while unanswered.
/// </summary>
public sealed class QuestionChase
{
    // Answers are written by offices, so questions run on office time whatever category they name.
    private static readonly Category OfficeTime = new() { Code = "dialogue-question", NameVi = "Câu hỏi đối thoại", NameEn = "Dialogue question" };

    public QuestionChase(WorkingCalendar calendar, ChaseSettings defaults, TimeSpan answerWithin)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(answerWithin, TimeSpan.Zero);
        Clock = new ChaseClock(OfficeTime, calendar);
        Policy = ChasePolicy.For(OfficeTime, defaults, calendar);
        AnswerWindow = ChasePolicy.InClock(answerWithin, OfficeTime, calendar);
    }

    public ChaseClock Clock { get; }

    public ChasePolicy Policy { get; }

    /// <summary>Office time allowed for the answer after the dialogue ends (whole days are working days).</summary>
    public TimeSpan AnswerWindow { get; }

    public DateTimeOffset AnswerDueAt(Dialogue dialogue)
    {
        ArgumentNullException.ThrowIfNull(dialogue);
        return Clock.Add(dialogue.EndsAt, AnswerWindow);
    }

    /// <summary>The latest reminder come due and not sent yet (a sweep that was down sends the 90% one, not both).</summary>
    public ReminderDue? ReminderDue(DialogueQuestion question, DateTimeOffset now) =>
        Reminders(question).Where(r => r.At <= now && r.DeadlineAt > now && r.Percent > question.LastReminderPercent).MaxBy(r => r.Percent);

    public DateTimeOffset? EscalationDueAt(DialogueQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.IsAnswered
            ? null
            : ChaseSchedule.EscalationDueAt(question.AnswerDueAt, question.EscalationLevel, question.LastEscalatedAt, Clock, Policy);
    }

    /// <summary>The earliest instant the chase must look at the question; null once it is answered.</summary>
    public DateTimeOffset? Next(DialogueQuestion question, DateTimeOffset now)
    {
        if (EscalationDueAt(question) is not { } next)
        {
            return null;
        }

        foreach (var reminder in Reminders(question).Where(r => r.At > now && r.Percent > question.LastReminderPercent))
        {
            next = reminder.At < next ? reminder.At : next;
        }

        return next;
    }

    /// <summary>After the question is asked (or changed by anyone but the chase).</summary>
    public void Schedule(DialogueQuestion question, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(question);
        question.NextChaseAt = Next(question, now);
    }

    public void Reminded(DialogueQuestion question, ReminderDue reminder)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(reminder);
        question.RecordReminder(reminder.Percent);
    }

    public void Escalated(DialogueQuestion question, int level, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(question);
        question.RecordEscalation(level, now);
    }

    /// <summary>After the chase did what was due: the next look, or a retry later when stuck (nobody above to escalate to).</summary>
    public void AfterChase(DialogueQuestion question, bool stuck, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(question);
        var next = Next(question, now);
        question.NextChaseAt = next is { } at && (stuck || at <= now) ? NextChase.Postponed(now) : next;
    }

    private IEnumerable<ReminderDue> Reminders(DialogueQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.IsAnswered ? [] : ChaseSchedule.Reminders(DeadlineKind.Resolve, question.AnswerDueAt, AnswerWindow, Clock, Policy);
    }
}
