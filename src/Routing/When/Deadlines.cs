namespace ResidentBot.Routing.When;

/// <summary>When a case must be acknowledged and resolved, in UTC.</summary>
public sealed record Deadlines(DateTimeOffset AcknowledgeDueAt, DateTimeOffset ResolveDueAt);
