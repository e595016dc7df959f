using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Results;

namespace ResidentBot.Bot.Public;

/// <summary>One pass over a year of cases: a tally per ward, per post of a ward, per month, overall, and the map's cells.</summary>
internal sealed class PublicTallies(DateTimeOffset now, IReadOnlyList<DateTimeOffset> monthStarts)
{
    private readonly Dictionary<int, ResultTally> wards = [];
    private readonly Dictionary<(int Area, int Official), ResultTally> posts = [];
    private readonly ResultTally[] months = [.. monthStarts.Select(_ => new ResultTally(now))];
    private readonly Dictionary<(double Lat, double Lon), (int Open, int Resolved)> cells = [];

    public ResultTally Overall { get; } = new(now);

    public int WithoutPoint { get; private set; }

    public void Add(int areaId, int officialId, CaseStatus status, in CaseFacts facts, double? latitude, double? longitude)
    {
        Overall.Add(facts);
        Tally(wards, areaId).Add(facts);
        Tally(posts, (areaId, officialId)).Add(facts);
        if (Month(facts.CreatedAt) is { } month)
        {
            months[month].Add(facts);
        }

        var open = status.IsActive();
        var resolved = facts.ResolvedAt is not null;
        if (!open && !resolved)
        {
            return; // rejected, or closed without a fix: neither an open nor a resolved dot
        }

        if (latitude is not { } lat || longitude is not { } lon)
        {
            WithoutPoint++;
            return;
        }

        var key = (PlaceRounding.Round(lat), PlaceRounding.Round(lon));
        var (o, r) = cells.GetValueOrDefault(key);
        cells[key] = open ? (o + 1, r) : (o, r + 1);
    }

    public ResultFigures Ward(int areaId) => wards.TryGetValue(areaId, out var tally) ? tally.Figures() : ResultFigures.Empty;

    public IEnumerable<int> WardIds => wards.Keys;

    /// <summary>The accountable officials of a ward's cases (0: none yet) with their figures; the page names them by title.</summary>
    public IEnumerable<(int OfficialId, ResultFigures Figures)> PostsOf(int areaId) =>
        posts.Where(p => p.Key.Area == areaId).Select(p => (p.Key.Official, p.Value.Figures()));

    public IReadOnlyList<MonthResults> Months(Func<DateTimeOffset, DateOnly> localMonth) =>
        [.. monthStarts.Select((start, i) => new MonthResults(localMonth(start), months[i].Figures()))];

    public IReadOnlyList<MapCell> Cells() => [.. cells.Select(c => new MapCell(c.Key.Lat, c.Key.Lon, c.Value.Open, c.Value.Resolved))];

    private int? Month(DateTimeOffset at)
    {
        for (var i = monthStarts.Count - 1; i >= 0; i--)
        {
            if (at >= monthStarts[i])
            {
                return i;
            }
        }

        return null;
    }

    private ResultTally Tally<TKey>(Dictionary<TKey, ResultTally> tallies, TKey key)
        where TKey : notnull
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new ResultTally(now);
            tallies[key] = tally;
        }

        return tally;
    }
}
