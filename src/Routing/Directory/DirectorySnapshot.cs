using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Calendar;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Routing.Directory;

/// <summary>
/// An immutable picture of the directory (areas, officials and their posts, categories, calendar) that
/// the routing engine reasons over. Persistence loads it; the engine never touches a database.
/// </summary>
public sealed class DirectorySnapshot
{
    public DirectorySnapshot(
        IEnumerable<Area> areas,
        IEnumerable<Official> officials,
        IEnumerable<Post> posts,
        IEnumerable<Category> categories,
        CalendarSettings calendar,
        IEnumerable<Holiday> holidays)
    {
        Areas = areas.OrderBy(a => a.Id).ToArray();
        Officials = officials.OrderBy(o => o.Id).ToArray();
        Posts = posts.OrderBy(p => p.Id).ToArray();
        Categories = categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Code, StringComparer.Ordinal).ToArray();
        Calendar = calendar;
        Holidays = holidays.OrderBy(h => h.Date).ToArray();
        AreasById = Areas.ToDictionary(a => a.Id);
        AreasByCode = Areas.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        OfficialsById = Officials.ToDictionary(o => o.Id);
        CategoriesByCode = Categories.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        CategoriesById = Categories.ToDictionary(c => c.Id);
    }

    public IReadOnlyList<Area> Areas { get; }

    public IReadOnlyList<Official> Officials { get; }

    public IReadOnlyList<Post> Posts { get; }

    public IReadOnlyList<Category> Categories { get; }

    public CalendarSettings Calendar { get; }

    public IReadOnlyList<Holiday> Holidays { get; }

    public IReadOnlyDictionary<int, Area> AreasById { get; }

    public IReadOnlyDictionary<string, Area> AreasByCode { get; }

    public IReadOnlyDictionary<int, Official> OfficialsById { get; }

    public IReadOnlyDictionary<string, Category> CategoriesByCode { get; }

    public IReadOnlyDictionary<int, Category> CategoriesById { get; }

    /// <summary>The area and its ancestors, nearest first.</summary>
    public IEnumerable<Area> SelfAndAncestors(int areaId)
    {
        var seen = new HashSet<int>();
        for (var area = AreasById.GetValueOrDefault(areaId); area is not null && seen.Add(area.Id);
             area = area.ParentId is { } parent ? AreasById.GetValueOrDefault(parent) : null)
        {
            yield return area;
        }
    }
}
