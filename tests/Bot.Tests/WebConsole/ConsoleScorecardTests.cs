using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Chase.Scorecard;
using ResidentBot.Bot.WebConsole.Board;
using ResidentBot.Routing.Directory;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;
using static ResidentBot.Bot.Tests.WebConsole.ConsoleBrowserless;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>The board's scorecard streams the period's cases without entities; its lines are the weekly scorecard's.</summary>
public sealed class ConsoleScorecardTests
{
    [Fact]
    public async Task The_boards_scorecard_has_the_lines_the_weekly_scorecard_computes_from_the_cases()
    {
        await using var bed = await StartAsync(Settings());
        var now = DateTimeOffset.UtcNow;
        var ids = new List<long>();
        for (var day = 1; day <= 5; day++)
        {
            ids.Add(await bed.CreateCaseAsync(at: now.AddDays(-day)));
        }

        var outside = await bed.CreateCaseAsync(at: now.AddDays(-30)); // before the period
        int supervisor;
        await using (var db = bed.Host.NewDbContext())
        {
            supervisor = (await db.Officials.SingleAsync(o => o.Code == CitySupervisorCode)).Id;
            // The domain's own steps (acknowledge, resolve, rate, wait for the resident) would need a dozen turns; the
            // scorecard only reads the columns (SQLite's: times in Unix milliseconds).
            var pausedAt = now.AddHours(-2).ToUnixTimeMilliseconds();
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE Cases SET AcknowledgedAt = CreatedAt + 3600000, ResolvedAt = CreatedAt + 86400000, Rating = 5 WHERE Id = {0}", ids[0]);
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE Cases SET AcknowledgedAt = CreatedAt + 172800000, ResolvedAt = CreatedAt + 345600000, Rating = 2 WHERE Id = {0}", ids[1]);
            await db.Database.ExecuteSqlRawAsync("UPDATE Cases SET PausedFor = '03:00:00', PausedAt = {0} WHERE Id = {1}", pausedAt, ids[2]);
        }

        var from = now.AddDays(-7);
        IReadOnlyList<ScoreLine> expected, actual;
        await using (var scope = bed.Host.Services.CreateAsyncScope())
        {
            var board = scope.ServiceProvider.GetRequiredService<BoardData>();
            actual = await board.ScorecardAsync(supervisor, from, now, CancellationToken.None);
            var directory = (await scope.ServiceProvider.GetRequiredService<Bot.Cases.CurrentRouting>().GetAsync(CancellationToken.None)).Directory;
            var areas = (await board.AreasAsync(supervisor, CancellationToken.None)).ToList();
            await using var read = bed.Host.NewDbContext();
            var rows = await read.Cases.AsNoTracking().Where(c => areas.Contains(c.AreaId) && c.CreatedAt >= from && c.CreatedAt < now)
                .ToListAsync();
            expected = ScorecardCalculator.Lines([.. rows.Select(r => new ScoreCase(directory.AreasById[r.AreaId].Name, Title(directory, r.AccountableOfficialId),
                r.CreatedAt, r.AcknowledgeDueAt, r.AcknowledgedAt, r.ResolveDueAt, r.ResolvedAt, r.Rating,
                r.PausedFor + (r.PausedAt is { } since ? now - since : TimeSpan.Zero)))]);
        }

        Assert.Equal(5, actual.Where(l => l.Official is null).Sum(l => l.Received));
        Assert.Equal(expected.Select(Comparable), actual.Select(Comparable));
        Assert.DoesNotContain(actual, l => l.Received > 5);
        Assert.NotEqual(0, outside);
    }

    private static string Title(DirectorySnapshot directory, int? official) =>
        official is { } o && directory.OfficialsById.TryGetValue(o, out var found) ? found.Title : "?";

    // The paused total runs with the clock; the board read it a moment before the expected lines were computed.
    private static object Comparable(ScoreLine l) =>
        (l.Ward, l.Official, l.Received, l.AcknowledgedOnTime, l.ResolvedOnTime, l.MedianToResolve, l.AverageRating, l.Paused,
            Math.Round(l.PausedTotal.TotalMinutes));
}
