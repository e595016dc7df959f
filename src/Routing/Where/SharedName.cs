using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Directory;

namespace ResidentBot.Routing.Where;

/// <summary>
/// A name a district shares with one of its towns or wards ("Nam Sách": Huyện Nam Sách and Thị trấn Nam Sách). Typed
/// alone, it may mean the town or anywhere else in the district, so the resident chooses; "thị trấn Nam Sách" does not.
/// </summary>
internal static class SharedName
{
    /// <summary>
    /// The areas an unmarked name may mean: the ward or commune it names first, then the other wards and communes
    /// of a broader area of the same name; only <paramref name="named"/> when there is no such broader area.
    /// </summary>
    public static IReadOnlyList<Area> Readings(DirectorySnapshot directory, Area named, IReadOnlyList<Area> broader)
    {
        if (named.Level is not (AreaLevel.Ward or AreaLevel.Commune) || broader.Count == 0)
        {
            return [named];
        }

        var within = broader.Select(b => b.Id).ToHashSet();
        var others = directory.Areas
            .Where(a => a.Id != named.Id && a.Level is (AreaLevel.Ward or AreaLevel.Commune)
                        && directory.SelfAndAncestors(a.Id).Skip(1).Any(above => within.Contains(above.Id)))
            .OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Code, StringComparer.Ordinal);
        return [named, .. others];
    }
}
