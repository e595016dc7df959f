using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Public;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.Public;

/// <summary>
/// The refresh reads again only the months with a changed case or a deadline passed since, and its figures are always
/// those of a full build over the whole year.
/// </summary>
public sealed class PublicIncrementalRefreshTests
{
    [Fact]
    public async Task Only_changed_or_aged_months_are_read_again_and_the_figures_equal_a_full_build()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 15, 3, 0, 0, TimeSpan.Zero));
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Public:RefreshInterval"] = "10:00:00" }, time);
        var results = host.Services.GetRequiredService<PublicResults>();
        await results.RefreshAsync(CancellationToken.None); // the first reads the whole year
        await PublicDataset.SeedAsync(host.Services, time.GetUtcNow()); // three cases in November, one in December

        var seeded = await RefreshAsync(host);
        Assert.Equal(2, seeded.MonthsRead);
        Assert.Equal(4, seeded.Snapshot.Overall.Received);
        await AssertAsFullBuildAsync(host, seeded.Snapshot);

        // Writes older than the refresh's look-back are not read again.
        await using (var db = host.NewDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE Cases SET ChangedAt = ChangedAt - 3600000");
        }

        var quiet = await RefreshAsync(host);
        Assert.Equal(0, quiet.MonthsRead);
        await AssertAsFullBuildAsync(host, quiet.Snapshot);

        // A November case resolved now: November is read again, December kept.
        await using (var db = host.NewDbContext())
        {
            var open = await db.Cases.SingleAsync(c => c.TrackingCode == "HD-2026-900003");
            open.Resolve(Actor.Official(open.AccountableOfficialId!.Value), "Đã thay bộ chấn lưu", time.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var resolved = await RefreshAsync(host);
        Assert.Equal(1, resolved.MonthsRead);
        Assert.Equal(quiet.Snapshot.Overall.Resolved + 1, resolved.Snapshot.Overall.Resolved);
        await AssertAsFullBuildAsync(host, resolved.Snapshot);

        await using (var db = host.NewDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE Cases SET ChangedAt = ChangedAt - 3600000");
        }

        // No write, but the December case's acknowledge deadline (8 h after its report) passes: December is read again.
        time.Advance(TimeSpan.FromHours(8));
        var aged = await RefreshAsync(host);
        Assert.Equal(1, aged.MonthsRead);
        Assert.NotEqual(resolved.Snapshot.Overall.AcknowledgedOnTimeShare, aged.Snapshot.Overall.AcknowledgedOnTimeShare);
        await AssertAsFullBuildAsync(host, aged.Snapshot);
    }

    private static async Task<(PublicSnapshot Snapshot, int MonthsRead)> RefreshAsync(BotTestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var builder = scope.ServiceProvider.GetRequiredService<PublicSnapshotBuilder>();
        var snapshot = await builder.BuildAsync(CancellationToken.None);
        return (snapshot, builder.MonthsRead);
    }

    private static async Task AssertAsFullBuildAsync(BotTestHost host, PublicSnapshot incremental)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var full = await ActivatorUtilities.CreateInstance<PublicSnapshotBuilder>(scope.ServiceProvider, new PublicMonthCache()).BuildAsync(CancellationToken.None);
        Assert.Equal(full.Overall, incremental.Overall);
        Assert.Equal(full.Months, incremental.Months);
        Assert.Equal(full.Wards.Select(w => (w.AreaId, w.Figures)), incremental.Wards.Select(w => (w.AreaId, w.Figures)));
        Assert.Equal(full.Wards.SelectMany(w => w.Posts), incremental.Wards.SelectMany(w => w.Posts));
        Assert.Equal(full.Map.Cells.OrderBy(c => c.Latitude).ThenBy(c => c.Longitude), incremental.Map.Cells.OrderBy(c => c.Latitude).ThenBy(c => c.Longitude));
        Assert.Equal(full.Map.WithoutPoint, incremental.Map.WithoutPoint);
    }
}
