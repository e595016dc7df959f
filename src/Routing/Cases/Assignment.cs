namespace ResidentBot.Routing.Cases;

/// <summary>Who is accountable for a case and by when, with the routing engine's explanation.</summary>
public sealed record Assignment(
    int OfficialId,
    string Explanation,
    DateTimeOffset AcknowledgeDueAt,
    DateTimeOffset ResolveDueAt);
