using ResidentBot.Routing.Results;

namespace ResidentBot.Bot.Public;

/// <summary>The year as the sum of its months' tallies: per ward, per post of a ward, per month, overall, and the map's cells.</summary>
internal sealed class PublicTallies
{
    private readonly Dictionary<int, ResultTally> wards = [];
    private readonly Dictionary<(int Area, int Official), ResultTally> posts = [];
    private readonly ResultTally[] months;
    private readonly Dictionary<(double Lat, double Lon), (int Open, int Resolved)> cells = [];
    private readonly IReadOnlyList<MonthTally> source;

    public PublicTallies(DateTimeOffset now, IReadOnlyList<MonthTally> months)
    {
        source = months;
        Overall = new ResultTally(now);
        this.months = new ResultTally[months.Count];
        for (var i = 0; i < months.Count; i++)
        {
            var month = new ResultTally(now);
            foreach (var (key, tally) in months[i].Posts)
            {
                month.Add(tally);
                Tally(wards, key.Area, now).Add(tally);
                Tally(posts, key, now).Add(tally);
            }

            this.months[i] = month;
            Overall.Add(month);
            WithoutPoint += months[i].WithoutPoint;
            foreach (var (point, (open, resolved)) in months[i].Cells)
            {
                var (o, r) = cells.GetValueOrDefault(point);
                cells[point] = (o + open, r + resolved);
            }
        }
    }

    public ResultTally Overall { get; }

    public int WithoutPoint { get; }

    public ResultFigures Ward(int areaId) => wards.TryGetValue(areaId, out var tally) ? tally.Figures() : ResultFigures.Empty;

    public IEnumerable<int> WardIds => wards.Keys;

    /// <summary>The accountable officials of a ward's cases (0: none yet) with their figures; the page names them by title.</summary>
    public IEnumerable<(int OfficialId, ResultFigures Figures)> PostsOf(int areaId) =>
        posts.Where(p => p.Key.Area == areaId).Select(p => (p.Key.Official, p.Value.Figures()));

    public IReadOnlyList<MonthResults> Months(Func<DateTimeOffset, DateOnly> localMonth) =>
        [.. source.Select((m, i) => new MonthResults(localMonth(m.Start), months[i].Figures()))];

    public IReadOnlyList<MapCell> Cells() => [.. cells.Select(c => new MapCell(c.Key.Lat, c.Key.Lon, c.Value.Open, c.Value.Resolved))];

    private static ResultTally Tally<TKey>(Dictionary<TKey, ResultTally> tallies, TKey key, DateTimeOffset now)
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
