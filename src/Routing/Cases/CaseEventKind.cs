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
}
