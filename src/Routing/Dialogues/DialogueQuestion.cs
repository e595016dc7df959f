namespace ResidentBot.Routing.Dialogues;

/// <summary>Who must answer a question, where (for the escalation chain), by when.</summary>
public sealed record QuestionAssignment(int ResponsibleOfficialId, int AreaId, int? CategoryId, DateTimeOffset AnswerDueAt);

/// <summary>
/// A resident's question to a dialogue: a tracked item with one official responsible for the answer and a deadline
/// after the dialogue, reminded and escalated like a case until it is answered.
/// </summary>
public sealed class DialogueQuestion
{
    public const int MinTextLength = 10;
    public const int MaxTextLength = 1000;
    public const int MaxAnswerLength = 2000;

    public long Id { get; private set; }

    public int DialogueId { get; private set; }

    public int ResidentId { get; private set; }

    public string Text { get; private set; } = string.Empty;

    /// <summary>The category the resident chose; null when the question is for the leader.</summary>
    public int? CategoryId { get; private set; }

    /// <summary>The area the responsible official answers for; the escalation chain climbs from it.</summary>
    public int AreaId { get; private set; }

    public int ResponsibleOfficialId { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    public DateTimeOffset AnswerDueAt { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public int? AnsweredByOfficialId { get; private set; }

    /// <summary>0 until the first escalation; then how far up the chain the question has climbed.</summary>
    public int EscalationLevel { get; private set; }

    public DateTimeOffset? LastEscalatedAt { get; private set; }

    /// <summary>The highest reminder (% of the answer window) sent for the current deadline; 0 before any.</summary>
    public int LastReminderPercent { get; private set; }

    /// <summary>When the chase must next look at the question (indexed); written by <see cref="QuestionChase"/> only.</summary>
    public DateTimeOffset? NextChaseAt { get; internal set; }

    public bool IsAnswered => AnsweredAt is not null;

    public static DialogueQuestion Ask(Dialogue dialogue, int residentId, string text, QuestionAssignment assignment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dialogue);
        ArgumentNullException.ThrowIfNull(assignment);
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length is < MinTextLength or > MaxTextLength)
        {
            throw new ArgumentException($"A question has {MinTextLength} to {MaxTextLength} characters.", nameof(text));
        }

        if (!dialogue.TakesQuestions(now))
        {
            throw new InvalidOperationException($"Dialogue {dialogue.Id} ended at {dialogue.EndsAt:O}; it takes no more questions.");
        }

        return new DialogueQuestion
        {
            DialogueId = dialogue.Id,
            ResidentId = residentId,
            Text = trimmed,
            CategoryId = assignment.CategoryId,
            AreaId = assignment.AreaId,
            ResponsibleOfficialId = assignment.ResponsibleOfficialId,
            AskedAt = now,
            AnswerDueAt = assignment.AnswerDueAt,
        };
    }

    public void RecordAnswer(int officialId, string text, DateTimeOffset at)
    {
        if (IsAnswered)
        {
            throw new InvalidOperationException($"Question {Id} is already answered.");
        }

        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxAnswerLength)
        {
            throw new ArgumentException($"An answer has 1 to {MaxAnswerLength} characters.", nameof(text));
        }

        (Answer, AnsweredAt, AnsweredByOfficialId, NextChaseAt) = (trimmed, at, officialId, null);
    }

    /// <summary>Answered on time: on or before the deadline.</summary>
    public bool AnsweredOnTime => AnsweredAt is { } at && at <= AnswerDueAt;

    internal void RecordReminder(int percent) => LastReminderPercent = Math.Max(LastReminderPercent, percent);

    internal void RecordEscalation(int level, DateTimeOffset at) => (EscalationLevel, LastEscalatedAt) = (level, at);
}
