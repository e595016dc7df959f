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

    /// <summary>The official asked the resident for missing information; the resolve clock is paused until they answer.</summary>
    WaitingForResident = 8,
}

/// <summary>Questions about one status, answered from <see cref="CaseStatuses"/>.</summary>
public static class CaseStatusExtensions
{
    public static bool IsOpen(this CaseStatus status) => CaseStatuses.Open.Contains(status);

    public static bool AwaitsAcknowledgement(this CaseStatus status) => CaseStatuses.AwaitingAcknowledgement.Contains(status);

    public static bool IsFinal(this CaseStatus status) => CaseStatuses.Final.Contains(status);

    public static bool IsActive(this CaseStatus status) => CaseStatuses.Active.Contains(status);
}
