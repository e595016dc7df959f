namespace ResidentBot.Routing.Cases;

/// <summary>Thrown when an action is not allowed in the case's current status; nothing has changed.</summary>
public sealed class IllegalTransitionException(string trackingCode, CaseStatus from, string action, IReadOnlyCollection<CaseStatus> allowedFrom)
    : InvalidOperationException(
        $"Case {trackingCode}: cannot {action} while it is {from}; allowed only when {string.Join(" or ", allowedFrom)}.")
{
    public string TrackingCode { get; } = trackingCode;

    public CaseStatus From { get; } = from;

    public string Action { get; } = action;
}
