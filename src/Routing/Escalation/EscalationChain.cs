using ResidentBot.Routing.Directory;
using ResidentBot.Routing.Officials;
using ResidentBot.Routing.Who;

namespace ResidentBot.Routing.Escalation;

/// <summary>
/// Rõ trách nhiệm: who is chased when the accountable official misses a deadline. Supervisors of the
/// case's area and then of each area above it, nearest first; without any, the leaders above.
/// </summary>
public sealed class EscalationChain
{
    private readonly DirectorySnapshot _directory;
    private readonly PostIndex _posts;
    private readonly AccountableResolver _resolver;

    public EscalationChain(DirectorySnapshot directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _directory = directory;
        _posts = new PostIndex(directory);
        _resolver = new AccountableResolver(directory);
    }

    /// <summary>Officials above the accountable one, in the order a chase climbs; empty only at the very top.</summary>
    public IReadOnlyList<EscalationLink> For(int areaId, int accountableOfficialId, DateTimeOffset instant)
    {
        var areas = _directory.SelfAndAncestors(areaId).ToList();
        if (areas.Count == 0)
        {
            throw new ArgumentException($"Area {areaId} is not in the directory.", nameof(areaId));
        }

        var seen = new HashSet<int> { accountableOfficialId };
        var links = new List<EscalationLink>();
        foreach (var area in areas)
        {
            foreach (var post in _posts.ValidByRank(area.Id, PostKind.Supervisor, instant).Where(p => seen.Add(p.OfficialId)))
            {
                links.Add(new EscalationLink(links.Count + 1, _posts.OfficialOf(post), post, area, $"Supervisor of {area.Name}"));
            }
        }

        if (links.Count > 0)
        {
            return links;
        }

        foreach (var area in areas.Skip(1))
        {
            if (_resolver.LeaderOrDeputy(area, instant) is { } leader && seen.Add(leader.Official.Id))
            {
                var role = leader.Post.Kind == PostKind.Leader ? "leader" : "acting deputy";
                links.Add(new EscalationLink(links.Count + 1, leader.Official, leader.Post, area,
                    $"No supervisor is in post; the {role} of {area.Name}"));
            }
        }

        return links;
    }
}
