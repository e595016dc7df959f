using ResidentBot.Routing.Directory;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Routing.Who;

/// <summary>The posts of each area, with the deterministic order used when several are valid at once.</summary>
internal sealed class PostIndex(DirectorySnapshot directory)
{
    private readonly ILookup<int, Post> _byArea = directory.Posts
        .Where(p => directory.OfficialsById.ContainsKey(p.OfficialId))
        .ToLookup(p => p.AreaId);

    /// <summary>
    /// Valid posts of one kind in one area, best first. During a hand-over two posts overlap: the latest
    /// appointment wins, then the lowest rank, then the lowest official id, so the answer never depends on load order.
    /// </summary>
    public IReadOnlyList<Post> Valid(int areaId, PostKind kind, DateTimeOffset instant, string? categoryCode = null) =>
        _byArea[areaId]
            .Where(p => p.Kind == kind && p.IsValidAt(instant))
            .Where(p => categoryCode is null || string.Equals(p.CategoryCode, categoryCode, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.ValidFrom ?? DateTimeOffset.MinValue)
            .ThenBy(p => p.Rank)
            .ThenBy(p => p.OfficialId)
            .ThenBy(p => p.Id)
            .ToList();

    /// <summary>Valid posts ordered by rank first: deputies and supervisors form a queue, not a hand-over.</summary>
    public IReadOnlyList<Post> ValidByRank(int areaId, PostKind kind, DateTimeOffset instant) =>
        Valid(areaId, kind, instant).OrderBy(p => p.Rank).ToList();

    public Official OfficialOf(Post post) => directory.OfficialsById[post.OfficialId];
}
