using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Routing.Who;

/// <summary>The one official accountable for a case, the post that makes them so, and why.</summary>
public sealed record AccountableOfficial(Official Official, Post Post, Area PostArea, string Explanation);
