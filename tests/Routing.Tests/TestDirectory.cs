using System.Globalization;
using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Calendar;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Directory;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Routing.Tests;

/// <summary>Builds small directories for tests; ids are assigned in order of creation.</summary>
internal sealed class TestDirectory
{
    private readonly List<Area> _areas = [];
    private readonly List<Official> _officials = [];
    private readonly List<Post> _posts = [];
    private readonly List<Category> _categories = [];
    private readonly List<Holiday> _holidays = [];

    public CalendarSettings Calendar { get; } = new();

    public Area Area(string code, string name, AreaLevel level, Area? parent = null, string? boundary = null, params string[] aliases)
    {
        var area = new Area
        {
            Id = _areas.Count + 1, Code = code, Name = name, Level = level, ParentId = parent?.Id, Parent = parent,
            BoundaryGeoJson = boundary, Aliases = [.. aliases],
        };
        _areas.Add(area);
        return area;
    }

    public Official Official(string name, string? title = null)
    {
        var official = new Official { Id = _officials.Count + 1, Code = $"O{_officials.Count + 1}", FullName = name, Title = title ?? name };
        _officials.Add(official);
        return official;
    }

    public Post Post(Official official, Area area, PostKind kind, DateTimeOffset? from = null, DateTimeOffset? to = null,
        int rank = 0, string? category = null)
    {
        var post = new Post
        {
            Id = _posts.Count + 1, OfficialId = official.Id, AreaId = area.Id, Kind = kind, ValidFrom = from, ValidTo = to,
            Rank = rank, CategoryCode = category,
        };
        _posts.Add(post);
        return post;
    }

    /// <summary>A new official holding one post: the usual case in tests.</summary>
    public Official Holder(string name, Area area, PostKind kind, DateTimeOffset? from = null, DateTimeOffset? to = null,
        int rank = 0, string? category = null)
    {
        var official = Official(name);
        Post(official, area, kind, from, to, rank, category);
        return official;
    }

    public Category Category(string code, TimeSpan acknowledge, TimeSpan resolve, bool roundTheClock = false)
    {
        var category = new Category
        {
            Id = _categories.Count + 1, Code = code, NameVi = code, NameEn = code, AcknowledgeWithin = acknowledge,
            ResolveWithin = resolve, RoundTheClock = roundTheClock, SortOrder = _categories.Count,
        };
        _categories.Add(category);
        return category;
    }

    public void Holiday(DateOnly date, bool isWorkingDay = false) =>
        _holidays.Add(new Holiday { Id = _holidays.Count + 1, Date = date, Name = $"day {date}", IsWorkingDay = isWorkingDay });

    public DirectorySnapshot Build() => new(_areas, _officials, _posts, _categories, Calendar, _holidays);

    /// <summary>A GeoJSON polygon for the lon/lat rectangle, counter-clockwise as RFC 7946 asks.</summary>
    public static string Box(double west, double south, double east, double north) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"type":"Polygon","coordinates":[[[{{west}},{{south}}],[{{east}},{{south}}],[{{east}},{{north}}],[{{west}},{{north}}],[{{west}},{{south}}]]]}""");

    /// <summary>Local time in Vietnam (UTC+7), the way tests read best.</summary>
    public static DateTimeOffset Vn(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));
}
