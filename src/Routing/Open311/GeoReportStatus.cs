using ResidentBot.Routing.Cases;

namespace ResidentBot.Routing.Open311;

/// <summary>
/// A case's status as Open311 GeoReport v2 knows it: <c>open</c> or <c>closed</c>. A resolved case is closed for the
/// client: the official has given the result, which is in its status notes; the bot's own confirmation window (the
/// resident confirms, reopens or, silent, the case closes by itself) does not apply to a client that cannot answer.
/// </summary>
public static class GeoReportStatus
{
    public const string Open = "open";
    public const string Closed = "closed";

    /// <summary>The statuses a client sees as closed; every other status is open (someone still has to act).</summary>
    public static IReadOnlyList<CaseStatus> ClosedStatuses { get; } = [CaseStatus.Resolved, CaseStatus.Closed, CaseStatus.Rejected];

    public static string Of(CaseStatus status) => ClosedStatuses.Contains(status) ? Closed : Open;

    /// <summary>Whether <paramref name="text"/> is one of the two statuses a client may filter on.</summary>
    public static bool IsKnown(string text) => text is Open or Closed;
}
