using ResidentBot.Routing.Directory;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Routing.Escalation;

/// <summary>The areas a supervisor oversees: the areas of their supervisor posts valid at an instant, and everything below.</summary>
public static class SupervisorScope
{
    /// <summary>Each supervisor in post and the areas they oversee.</summary>
    public static IReadOnlyDictionary<int, HashSet<int>> Of(DirectorySnapshot directory, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return SupervisorPosts(directory, at)
            .GroupBy(p => p.OfficialId)
            .ToDictionary(g => g.Key, g => Below(directory, g.Select(p => p.AreaId).ToHashSet()));
    }

    /// <summary>The areas one official oversees; empty when they hold no supervisor post now.</summary>
    public static HashSet<int> Of(DirectorySnapshot directory, int officialId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(directory);
        HashSet<int> roots = [.. SupervisorPosts(directory, at).Where(p => p.OfficialId == officialId).Select(p => p.AreaId)];
        return roots.Count == 0 ? [] : Below(directory, roots);
    }

    private static IEnumerable<Post> SupervisorPosts(DirectorySnapshot directory, DateTimeOffset at) =>
        directory.Posts.Where(p => p.Kind == PostKind.Supervisor && p.IsValidAt(at));

    /// <summary>The areas at or below any of <paramref name="roots"/>: what a supervisor oversees, and who a dialogue invites.</summary>
    public static HashSet<int> Below(DirectorySnapshot directory, IReadOnlySet<int> roots)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(roots);
        return [.. directory.Areas.Where(a => directory.SelfAndAncestors(a.Id).Any(x => roots.Contains(x.Id))).Select(a => a.Id)];
    }
}
