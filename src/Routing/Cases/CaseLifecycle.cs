using System.Collections.Frozen;

namespace ResidentBot.Routing.Cases;

/// <summary>
/// The case lifecycle as data: each action and the statuses it may start from.
/// New → Assigned → Acknowledged → Resolved → Closed, with Reopened, Transferred and Rejected; an open case may
/// wait for the resident (WaitingForResident) and resumes when they answer.
/// </summary>
public static class CaseLifecycle
{
    private static readonly CaseStatus[] Open = [.. CaseStatuses.Open];

    private static readonly CaseStatus[] Active = [.. CaseStatuses.Active];

    public static FrozenDictionary<CaseAction, CaseStatus[]> AllowedFrom { get; } = new Dictionary<CaseAction, CaseStatus[]>
    {
        [CaseAction.Assign] = [CaseStatus.New],
        [CaseAction.Acknowledge] = [.. CaseStatuses.AwaitingAcknowledgement],
        [CaseAction.Resolve] = Active,
        [CaseAction.Close] = [CaseStatus.Resolved, CaseStatus.WaitingForResident],
        [CaseAction.Reopen] = [CaseStatus.Resolved],
        [CaseAction.Transfer] = Open,
        [CaseAction.Reassign] = Open,
        [CaseAction.Reject] = [CaseStatus.New, .. Active],
        [CaseAction.ExtendDeadline] = Open,
        [CaseAction.Escalate] = Open,
        [CaseAction.Rate] = [CaseStatus.Closed],
        [CaseAction.AskResident] = Open,
        [CaseAction.Resume] = [CaseStatus.WaitingForResident],
        [CaseAction.MarkDuplicate] = Active,

        // Not a transition: the official may still answer the resident while the resident is asked to confirm.
        [CaseAction.Reply] = [.. Active, CaseStatus.Resolved],
    }.ToFrozenDictionary();

    public static bool IsAllowed(CaseAction action, CaseStatus from) => AllowedFrom[action].Contains(from);
}

public enum CaseAction
{
    Assign,
    Acknowledge,
    Resolve,
    Close,
    Reopen,
    Transfer,
    Reassign,
    Reject,
    ExtendDeadline,
    Escalate,
    Rate,
    Reply,
    AskResident,
    Resume,
    MarkDuplicate,
}
