using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Cases;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Cases;
using ResidentBot.Routing.Directory;
using ResidentBot.Routing.Results;

namespace ResidentBot.Bot.Public;

/// <summary>
/// Computes the page from the database, month by month: a month is read again (on the covering report-date index, only
/// the columns the figures need, streamed, never held as entities; see <see cref="CaseScan"/>) when one of its cases was
/// saved since the last refresh began (the change stamp, <see cref="CaseChanges"/>), when an unmet deadline of one of
/// its cases has passed since it was read (<see cref="MonthTally.ValidUntil"/>), or when it was never read; otherwise
/// its tally is taken from <see cref="PublicMonthCache"/>. The first refresh reads the whole year. Then the latest
/// published resolved cases on the (PublicationConsent, ResolvedAt) index. Read-only: it never asks for the write gate.
/// </summary>
internal sealed class PublicSnapshotBuilder(
    ResidentBotDbContext db, CurrentRouting routing, PublicMonthCache cache, IOptions<PublicOptions> options, TimeProvider time)
{
    public const int Months = 12;

    /// <summary>A write stamped before a refresh began may commit after its read: the next refresh looks back this much further.</summary>
    internal static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    /// <summary>How many months the last build read from the database (the others came from the cache).</summary>
    public int MonthsRead { get; private set; }

    /// <summary>How long the last build read months from the database, and how long it rested between them (<see cref="RefreshPacing"/>).</summary>
    public (TimeSpan Reading, TimeSpan Resting) Pace { get; private set; }

    public async Task<PublicSnapshot> BuildAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var readFrom = DateTimeOffset.UtcNow;
        var engine = await routing.GetAsync(cancellationToken);
        var directory = engine.Directory;
        var zone = engine.Calendar.TimeZone;
        var monthStarts = MonthStarts(now, zone);
        var since = monthStarts[0];
        var months = await MonthsAsync(now, monthStarts, cancellationToken);
        cache.Keep(months, readFrom);
        var tallies = new PublicTallies(now, months);

        var wards = Wards(directory, tallies);
        var minimum = options.Value.MinimumToRank;
        return new PublicSnapshot(
            now,
            since,
            tallies.Overall.Figures(),
            wards,
            UnitRanking.Rank(wards.Select(w => (w, w.Figures)), minimum),
            tallies.Months(start => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime)),
            await PublishedCases.LatestAsync(db, directory, options.Value.RecentCases, cancellationToken),
            new PublicMap(MapAreas(directory), tallies.Cells(), tallies.WithoutPoint),
            minimum,
            TimeSpan.Zero);
    }

    private async Task<List<MonthTally>> MonthsAsync(DateTimeOffset now, IReadOnlyList<DateTimeOffset> monthStarts, CancellationToken cancellationToken)
    {
        var changed = cache.ReadFrom is { } last ? await ChangedAsync(last - Overlap, monthStarts, cancellationToken) : null;
        var months = new List<MonthTally>(monthStarts.Count);
        MonthsRead = 0;
        var (reading, resting) = (TimeSpan.Zero, TimeSpan.Zero);
        for (var i = 0; i < monthStarts.Count; i++)
        {
            var (start, end) = (monthStarts[i], i + 1 < monthStarts.Count ? monthStarts[i + 1] : (DateTimeOffset?)null);
            if (changed is not null && !changed.Contains(i) && cache.Months.TryGetValue(start, out var kept) && kept.End == end
                && kept.BuiltAt <= now && now < kept.ValidUntil)
            {
                months.Add(kept);
                continue;
            }

            var month = new MonthTally(now, start, end);
            var read = Stopwatch.GetTimestamp();
            await CaseScan.ForEachBetweenAsync(db, start, end, month.Add, cancellationToken);
            var took = Stopwatch.GetElapsedTime(read);
            months.Add(month);
            MonthsRead++;
            reading += took;
            resting += await RefreshPacing.RestAsync(took, options.Value.RefreshCpuShare, cancellationToken);
        }

        Pace = (reading, resting);
        return months;
    }

    /// <summary>The months (indexes into <paramref name="monthStarts"/>) holding a case saved since <paramref name="changedSince"/>.</summary>
    private async Task<HashSet<int>> ChangedAsync(DateTimeOffset changedSince, IReadOnlyList<DateTimeOffset> monthStarts, CancellationToken cancellationToken)
    {
        var changed = new HashSet<int>();
        await foreach (var reported in db.Cases.AsNoTracking().ReportDatesOfChanged(changedSince, monthStarts[0]).AsAsyncEnumerable()
                           .WithCancellation(cancellationToken))
        {
            var month = monthStarts.Count - 1;
            while (month > 0 && reported < monthStarts[month])
            {
                month--;
            }

            changed.Add(month);
        }

        return changed;
    }

    /// <summary>The first instant of each of the last 12 calendar months in the directory's zone, this month last.</summary>
    internal static IReadOnlyList<DateTimeOffset> MonthStarts(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var first = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return [.. Enumerable.Range(0, Months).Select(i => first.AddMonths(i - Months + 1))
            .Select(m => new DateTimeOffset(m, zone.GetUtcOffset(m)).ToUniversalTime())];
    }

    private static List<WardResults> Wards(DirectorySnapshot directory, PublicTallies tallies) =>
        [.. tallies.WardIds.Where(directory.AreasById.ContainsKey).Select(id =>
        {
            var area = directory.AreasById[id];
            var parent = area.ParentId is { } p && directory.AreasById.TryGetValue(p, out var above) ? above.Name : null;
            var posts = tallies.PostsOf(id).Where(x => directory.OfficialsById.ContainsKey(x.OfficialId)).OrderByDescending(x => x.Figures.Received)
                .Select(x => new PostResults(directory.OfficialsById[x.OfficialId].Title, x.Figures)).ToList();
            return new WardResults(id, area.Name, parent, tallies.Ward(id), posts);
        }).OrderBy(w => w.ParentName, StringComparer.Ordinal).ThenBy(w => w.Name, StringComparer.Ordinal)];

    // Only the most local areas are drawn: the district and province outlines would cover their wards.
    private static List<MapArea> MapAreas(DirectorySnapshot directory)
    {
        var parents = directory.Areas.Where(a => a.ParentId is not null).Select(a => a.ParentId!.Value).ToHashSet();
        return [.. directory.Areas.Where(a => a.BoundaryGeoJson is not null && !parents.Contains(a.Id))
            .Select(a => new MapArea(a.Id, a.Name, BoundaryRings.Of(a.BoundaryGeoJson!)))];
    }
}
