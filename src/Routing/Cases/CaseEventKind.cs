namespace ResidentBot.Routing.Cases;

public enum CaseEventKind
{
    Created = 0,
    Assigned = 1,
    Acknowledged = 2,
    Resolved = 3,
    Closed = 4,
    Reopened = 5,
    Transferred = 6,
    Rejected = 7,
    Rated = 8,
    InformationAdded = 9,
    RepliedToResident = 10,
    Reminded = 11,
    Escalated = 12,
    Urged = 13,
    Reassigned = 14,
    DeadlineExtended = 15,
    ProgressRequested = 16,
    ProgressReported = 17,

    /// <summary>The official asked the resident for missing information; the note is the question.</summary>
    InformationRequested = 18,

    /// <summary>The pause ended (the resident answered, or the official went on); the resolve deadline moved by the paused time.</summary>
    Resumed = 19,

    /// <summary>The resident was reminded of an unanswered request for information.</summary>
    ResidentReminded = 20,

    /// <summary>An official found the case repeats another; the note names the other case.</summary>
    MarkedDuplicate = 21,

    /// <summary>A resident follows this case (they reported the same problem, or chose to follow it).</summary>
    Followed = 22,
}
