using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Directory;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Routing.Who;

/// <summary>
/// Rõ người: exactly one accountable official for an area and category at an instant. In each area,
/// nearest first: the category's specialist, else the leader, else the acting deputy by rank.
/// </summary>
public sealed class AccountableResolver
{
    private readonly DirectorySnapshot _directory;
    private readonly PostIndex _posts;

    public AccountableResolver(DirectorySnapshot directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _directory = directory;
        _posts = new PostIndex(directory);
    }

    /// <exception cref="ArgumentException">The area is not in the directory.</exception>
    /// <exception cref="NoAccountableOfficialException">Nobody valid in the area or above it.</exception>
    public AccountableOfficial Resolve(int areaId, string categoryCode, DateTimeOffset instant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(categoryCode);
        var area = _directory.AreasById.GetValueOrDefault(areaId)
            ?? throw new ArgumentException($"Area {areaId} is not in the directory.", nameof(areaId));

        foreach (var candidate in _directory.SelfAndAncestors(areaId))
        {
            if (InArea(candidate, categoryCode, instant) is { } found)
            {
                return candidate.Id == areaId
                    ? found
                    : found with
                    {
                        Explanation = $"No one serves {area.Name} now; {Lower(found.Explanation)}",
                        Reason = new RoutingReason($"{found.Reason.Code}.above", [area.Name, candidate.Name]),
                    };
            }
        }

        throw new NoAccountableOfficialException(area, categoryCode, instant);
    }

    /// <summary>The leader of one area, or its acting deputy; no specialists, no climbing (used for escalation).</summary>
    internal AccountableOfficial? LeaderOrDeputy(Area area, DateTimeOffset instant) =>
        Pick(_posts.Valid(area.Id, PostKind.Leader, instant), $"the leader of {area.Name} is accountable", RoutingReason.Leader, area)
        ?? Pick(_posts.ValidByRank(area.Id, PostKind.Deputy, instant),
            $"the leader of {area.Name} is not in post now; the acting deputy is accountable", RoutingReason.ActingDeputy, area, byRank: true);

    private AccountableOfficial? InArea(Area area, string categoryCode, DateTimeOffset instant) =>
        Pick(_posts.Valid(area.Id, PostKind.Specialist, instant, categoryCode),
            $"the specialist for {categoryCode} in {area.Name} is accountable", RoutingReason.Specialist, area)
        ?? LeaderOrDeputy(area, instant);

    private AccountableOfficial? Pick(IReadOnlyList<Post> valid, string because, string code, Area area, bool byRank = false)
    {
        if (valid.Count == 0)
        {
            return null;
        }

        var post = valid[0];
        var why = Capitalize(because);
        if (valid.Count > 1)
        {
            why += byRank
                ? $" (first by rank of {valid.Count})"
                : $" ({valid.Count} posts overlap; the latest appointment is chosen)";
        }

        return new AccountableOfficial(_posts.OfficialOf(post), post, area, why, new RoutingReason(code, [area.Name]));
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Lower(string text) => char.ToLowerInvariant(text[0]) + text[1..];
}
