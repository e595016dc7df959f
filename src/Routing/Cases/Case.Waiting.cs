namespace ResidentBot.Routing.Cases;

/// <summary>
/// Waiting for the resident: the official asks for missing information and the resolve clock stops until the
/// resident answers (or the official goes on). Paused time is kept, so deadlines and statistics leave it out.
/// </summary>
public sealed partial class Case
{
    public const int MaxQuestionLength = 1000;

    /// <summary>When the current pause began; null while the case is not waiting for the resident.</summary>
    public DateTimeOffset? PausedAt { get; private set; }

    /// <summary>Elapsed time of the pauses that have ended, which the statistics do not count against the official.</summary>
    public TimeSpan PausedFor { get; private set; }

    /// <summary>What the official asked the resident while the case waits; null otherwise.</summary>
    public string? ResidentQuestion { get; private set; }

    /// <summary>Asks the resident for missing information; asking takes the case in when it was not yet acknowledged.</summary>
    public void AskResident(Actor actor, string question, DateTimeOffset at)
    {
        var asked = Required(question, nameof(question));
        if (asked.Length > MaxQuestionLength)
        {
            throw new ArgumentException($"A question is at most {MaxQuestionLength} characters.", nameof(question));
        }

        Move(CaseAction.AskResident, "ask the resident", CaseStatus.WaitingForResident, CaseEventKind.InformationRequested, actor, at, asked, () =>
        {
            AcknowledgedAt ??= at;
            PausedAt = at;
            ResidentQuestion = asked;
        });
    }

    /// <summary>
    /// Ends the pause: the case is back in progress with its resolve deadline moved to <paramref name="resolveDueAt"/>
    /// (computed by <see cref="Chase.PausedClock.ResumedDeadline"/>: the time that was left when the pause began).
    /// </summary>
    public void Resume(Actor actor, DateTimeOffset? resolveDueAt, DateTimeOffset at, string? note = null) =>
        Move(CaseAction.Resume, "resume", CaseStatus.Acknowledged, CaseEventKind.Resumed, actor, at, note, () => ResolveDueAt = resolveDueAt ?? ResolveDueAt);

    /// <summary>The paused time of a case, the current pause included up to <paramref name="now"/>.</summary>
    public TimeSpan PausedUntil(DateTimeOffset now) => PausedFor + (PausedAt is { } since && now > since ? now - since : TimeSpan.Zero);

    // Any way out of waiting (answer, resolve, reject, close) ends the pause's accounting; only Resume moves the deadline.
    private void EndPause(DateTimeOffset at)
    {
        if (PausedAt is { } since)
        {
            PausedFor += at > since ? at - since : TimeSpan.Zero;
        }

        PausedAt = null;
        ResidentQuestion = null;
    }
}
