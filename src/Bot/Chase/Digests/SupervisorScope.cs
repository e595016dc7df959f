using ResidentBot.Routing.Directory;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Chase.Digests;

/// <summary>Each supervisor in post and the areas they oversee: the areas of their posts and everything below.</summary>
internal static class SupervisorScope
{
    public static IReadOnlyDictionary<int, HashSet<int>> Of(DirectorySnapshot directory, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var result = new Dictionary<int, HashSet<int>>();
        foreach (var post in directory.Posts.Where(p => p.Kind == PostKind.Supervisor && p.IsValidAt(at)))
        {
            if (!result.TryGetValue(post.OfficialId, out var areas))
            {
                result[post.OfficialId] = areas = [];
            }

            areas.UnionWith(directory.Areas.Where(a => directory.SelfAndAncestors(a.Id).Any(x => x.Id == post.AreaId)).Select(a => a.Id));
        }

        return result;
    }
}
