namespace ResidentBot.Routing.Cases;

public enum CaseStatus
{
    New = 0,
    Assigned = 1,
    Acknowledged = 2,
    Resolved = 3,
    Closed = 4,
    Reopened = 5,
    Transferred = 6,
    Rejected = 7,
}

public static class CaseStatusExtensions
{
    /// <summary>Open cases have an accountable official who must act; the chase runs while a case is open.</summary>
    public static bool IsOpen(this CaseStatus status) =>
        status is CaseStatus.Assigned or CaseStatus.Acknowledged or CaseStatus.Reopened or CaseStatus.Transferred;

    /// <summary>The accountable official has not yet acknowledged the case in its current assignment.</summary>
    public static bool AwaitsAcknowledgement(this CaseStatus status) =>
        status is CaseStatus.Assigned or CaseStatus.Reopened or CaseStatus.Transferred;

    public static bool IsFinal(this CaseStatus status) => status is CaseStatus.Closed or CaseStatus.Rejected;
}
