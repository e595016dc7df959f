namespace ResidentBot.Routing.Cases;

/// <summary>
/// The one definition of which statuses are open and which still await acknowledgement. Lists, so a query can
/// say <c>CaseStatuses.Open.Contains(c.Status)</c> and EF translates it to SQL.
/// </summary>
public static class CaseStatuses
{
    /// <summary>Open cases have an accountable official who must act; the chase runs while a case is open.</summary>
    public static IReadOnlyList<CaseStatus> Open { get; } =
        [CaseStatus.Assigned, CaseStatus.Acknowledged, CaseStatus.Reopened, CaseStatus.Transferred];

    /// <summary>The accountable official has not yet acknowledged the case in its current assignment.</summary>
    public static IReadOnlyList<CaseStatus> AwaitingAcknowledgement { get; } =
        [CaseStatus.Assigned, CaseStatus.Reopened, CaseStatus.Transferred];

    public static IReadOnlyList<CaseStatus> Final { get; } = [CaseStatus.Closed, CaseStatus.Rejected];

    /// <summary>
    /// Still in the accountable official's hands: open, or paused while the resident is asked for information. A
    /// paused case has no deadline running and is not chased against the official, but it is theirs, takes the
    /// resident's additions and shows in their queue.
    /// </summary>
    public static IReadOnlyList<CaseStatus> Active { get; } = [.. Open, CaseStatus.WaitingForResident];
}
