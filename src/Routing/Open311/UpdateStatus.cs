using ResidentBot.Routing.Cases;

namespace ResidentBot.Routing.Open311;

/// <summary>
/// Which lines of a case's log a client is told of, and the status each gives in FixMyStreet's
/// <c>servicerequestupdates</c> extension (its values: open, closed, fixed, in_progress, investigating, duplicate,
/// not_councils_responsibility, internal_referral …, as mySociety's Open311 endpoint lists them). Reminders,
/// escalations and other chase lines are the officials' business and stay out.
/// </summary>
public static class UpdateStatus
{
    public static IReadOnlyList<CaseEventKind> Public { get; } =
    [
        CaseEventKind.Acknowledged, CaseEventKind.RepliedToResident, CaseEventKind.InformationRequested, CaseEventKind.Transferred,
        CaseEventKind.Resolved, CaseEventKind.Rejected, CaseEventKind.Closed, CaseEventKind.Reopened, CaseEventKind.MarkedDuplicate,
    ];

    /// <summary>The update's status, or null for a line the client is not told of.</summary>
    public static string? Of(CaseEventKind kind) => kind switch
    {
        CaseEventKind.Acknowledged or CaseEventKind.RepliedToResident => "in_progress",
        CaseEventKind.InformationRequested => "investigating",
        CaseEventKind.Transferred => "internal_referral",
        CaseEventKind.Resolved => "fixed",
        CaseEventKind.Rejected => "not_councils_responsibility",
        CaseEventKind.Closed => GeoReportStatus.Closed,
        CaseEventKind.Reopened => GeoReportStatus.Open,
        CaseEventKind.MarkedDuplicate => "duplicate",
        _ => null,
    };
}
