using System.Diagnostics.CodeAnalysis;
using ResidentBot.Routing.Where;

namespace ResidentBot.Routing.Engine;

/// <summary>Either a decision, or (when the place is ambiguous or unknown) the match the bot must ask about.</summary>
public sealed record RoutingOutcome(AreaMatch Place, RoutingDecision? Decision)
{
    [MemberNotNullWhen(true, nameof(Decision))]
    public bool IsRouted => Decision is not null;
}
