namespace ResidentBot.Routing.Cases;

/// <summary>
/// Who is accountable for a case and by when: the routing engine's explanation (English, for the audit log) and
/// its reasons as data (rendered in the reader's language).
/// </summary>
public sealed record Assignment(
    int OfficialId,
    string Explanation,
    DateTimeOffset AcknowledgeDueAt,
    DateTimeOffset ResolveDueAt,
    IReadOnlyList<RoutingReason>? Reasons = null);
