using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Routing.Escalation;

/// <summary>One step up the chain: who is chased at <see cref="Level"/> (1 = first escalation), and why.</summary>
public sealed record EscalationLink(int Level, Official Official, Post Post, Area PostArea, string Explanation);
