namespace ResidentBot.Routing.Engine;

/// <summary>A report to route: what kind of problem, where, and the instant it was reported.</summary>
public sealed record RoutingRequest(string CategoryCode, PlaceQuery Where, DateTimeOffset At);
