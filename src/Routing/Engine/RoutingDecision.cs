using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Escalation;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Routing.Engine;

/// <summary>Where, who and when for one case, with why: one short English explanation for the audit, and the reasons as data.</summary>
public sealed record RoutingDecision(
    Area Area,
    Category Category,
    Official Official,
    Post Post,
    DateTimeOffset AcknowledgeDueAt,
    DateTimeOffset ResolveDueAt,
    IReadOnlyList<EscalationLink> EscalationChain,
    string Explanation,
    IReadOnlyList<RoutingReason> Reasons)
{
    public Assignment ToAssignment() => new(Official.Id, Explanation, AcknowledgeDueAt, ResolveDueAt, Reasons);
}
