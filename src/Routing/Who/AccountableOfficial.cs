using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Routing.Who;

/// <summary>The one official accountable for a case, the post that makes them so, and why (in English, and as data).</summary>
public sealed record AccountableOfficial(Official Official, Post Post, Area PostArea, string Explanation, RoutingReason Reason);
