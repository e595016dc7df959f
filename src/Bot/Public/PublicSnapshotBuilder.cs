using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Cases;
using ResidentBot.Persistence;
using ResidentBot.Routing.Directory;
using ResidentBot.Routing.Results;

namespace ResidentBot.Bot.Public;

/// <summary>
/// Computes the page from the database: one read of the last 12 months of cases on the CreatedAt index (only the
/// columns the figures need, streamed, never held as entities; see <see cref="CaseScan"/>), tallied by the shared rules; then the latest published
/// resolved cases on the (PublicationConsent, ResolvedAt) index. Read-only: it never asks for the write gate.
/// </summary>
internal sealed class PublicSnapshotBuilder(ResidentBotDbContext db, CurrentRouting routing, IOptions<PublicOptions> options, TimeProvider time)
{
    public const int Months = 12;

    public async Task<PublicSnapshot> BuildAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var engine = await routing.GetAsync(cancellationToken);
        var directory = engine.Directory;
        var zone = engine.Calendar.TimeZone;
        var monthStarts = MonthStarts(now, zone);
        var since = monthStarts[0];
        var tallies = new PublicTallies(now, monthStarts);

        await CaseScan.ForEachSinceAsync(db, since, c =>
        {
            var paused = c.PausedFor + (c.PausedAt is { } from && now > from ? now - from : TimeSpan.Zero);
            var facts = new CaseFacts(c.CreatedAt, c.AcknowledgeDueAt, c.AcknowledgedAt, c.ResolveDueAt, c.ResolvedAt, c.Rating, paused, c.ReopenCount);
            tallies.Add(c.AreaId, c.AccountableOfficialId ?? 0, c.Status, facts, c.Latitude, c.Longitude);
        }, cancellationToken);

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
