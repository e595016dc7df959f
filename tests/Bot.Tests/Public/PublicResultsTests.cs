using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Public;
using ResidentBot.Bot.Tests.Infrastructure;

namespace ResidentBot.Bot.Tests.Public;

/// <summary>/public on the hand-made <see cref="PublicDataset"/>: the figures, what is published, and what never is.</summary>
public sealed class PublicResultsTests
{
    [Fact]
    public async Task The_page_shows_the_wards_figures_and_the_published_case_and_nothing_of_the_unpublished_case_or_the_reporter()
    {
        await using var host = await BotTestHost.StartAsync();
        var photos = await PublicDataset.SeedAsync(host.Services, TimeProvider.System.GetUtcNow());
        await host.Services.GetRequiredService<PublicResults>().RefreshAsync(CancellationToken.None);
        using var http = host.CreateClient();

        var page = WebUtility.HtmlDecode(await http.GetStringAsync(new Uri("/public", UriKind.Relative)));
        var ward = Row(page, "<tr class=\"ward\"><th scope=\"row\">Phường Trần Phú");
        // Received 4, resolved 2; acknowledged on time 2 of the 3 judged; resolved on time 1 of the 3 judged (one open past
        // its deadline); median of 2 and 7 days; none reopened; ratings 5 and 3.
        Assert.Equal(["4", "2", "66,7 %", "33,3 %", TimeText.Duration("vi", TimeSpan.FromDays(4.5)), "0,0 %", "4,0 / 5"], Cells(ward));
        Assert.Contains("Chủ tịch UBND phường Trần Phú", page, StringComparison.Ordinal);

        Assert.Contains(PublicDataset.PublishedDescription, page, StringComparison.Ordinal);
        Assert.Contains(PublicDataset.PublishedResult, page, StringComparison.Ordinal);
        Assert.Contains("HD-2026-900001", page, StringComparison.Ordinal);
        Assert.Contains("≈ 20.957, 106.301", page, StringComparison.Ordinal);
        Assert.Contains($"/public/photos/{photos.Published}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("HD-2026-900003", page, StringComparison.Ordinal); // published by its resident, but not resolved

        await using var db = host.NewDbContext();
        var leaderName = await db.Officials.Where(o => o.Code == "HD.TPHD.TRANPHU.CT").Select(o => o.FullName).SingleAsync();
        var english = WebUtility.HtmlDecode(await http.GetStringAsync(new Uri("/public?lang=en", UriKind.Relative)));
        var map = await http.GetStringAsync(new Uri("/public/map.svg", UriKind.Relative));
        var geoJson = await http.GetStringAsync(new Uri("/public/map.geojson", UriKind.Relative));
        foreach (var shown in new[] { page, english, map, geoJson })
        {
            foreach (var secret in new[]
                     {
                         PublicDataset.UnpublishedDescription, PublicDataset.UnpublishedResult, "HD-2026-900002", PublicDataset.ReporterName,
                         PublicDataset.ReporterPhone, PublicDataset.ReporterChatId, "20.956789", "106.301234", "20.9568", "106.3012", leaderName,
                         $"/public/photos/{photos.Unpublished}\"", $"/public/photos/{photos.Residents}\"",
                     })
            {
                Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
            }
        }

        Assert.Contains("Results of residents' reports", english, StringComparison.Ordinal);
        Assert.Contains("4.0 / 5", Row(english, "<tr class=\"ward\"><th scope=\"row\">Phường Trần Phú"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_photo_is_served_only_for_an_officials_photo_of_a_published_resolved_case()
    {
        await using var host = await BotTestHost.StartAsync();
        var photos = await PublicDataset.SeedAsync(host.Services, TimeProvider.System.GetUtcNow());
        using var http = host.CreateClient();

        using var published = await http.GetAsync(new Uri($"/public/photos/{photos.Published}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("image/png", published.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", published.Headers.GetValues("X-Content-Type-Options").Single());
        foreach (var hidden in new[] { photos.Unpublished, photos.Residents, 999_999 })
        {
            using var refused = await http.GetAsync(new Uri($"/public/photos/{hidden}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        using var bad = await http.GetAsync(new Uri("/public/photos/abc", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
    }

    [Fact]
    public async Task The_page_is_served_from_the_last_refresh_and_the_refresher_recomputes_it_on_its_interval()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero));
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Public:RefreshInterval"] = "00:05:00" }, time);
        var results = host.Services.GetRequiredService<PublicResults>();
        await WaitAsync(results, s => s.IsReady);
        Assert.Equal(0, results.Current.Overall.Received);

        await PublicDataset.SeedAsync(host.Services, time.GetUtcNow());
        using var http = host.CreateClient();
        Assert.DoesNotContain(PublicDataset.PublishedDescription, WebUtility.HtmlDecode(await http.GetStringAsync(new Uri("/public", UriKind.Relative))),
            StringComparison.Ordinal);

        var refreshed = WaitAsync(results, s => s.Overall.Received == 4);
        time.Advance(TimeSpan.FromMinutes(5));
        var snapshot = await refreshed;
        Assert.Equal(time.GetUtcNow(), snapshot.RefreshedAt);
        Assert.Contains(PublicDataset.PublishedDescription, WebUtility.HtmlDecode(await http.GetStringAsync(new Uri("/public", UriKind.Relative))),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sqlite_reader_and_the_provider_neutral_query_read_the_same_cases()
    {
        await using var host = await BotTestHost.StartAsync();
        var now = TimeProvider.System.GetUtcNow();
        await PublicDataset.SeedAsync(host.Services, now);
        await using var db = host.NewDbContext();

        var raw = Read(db, now.AddYears(-1));
        var linq = await CaseScan.LinqAsync(db, now.AddYears(-1), null, CancellationToken.None).ToListAsync();

        Assert.Equal(4, raw.Count);
        Assert.Equal(linq.OrderBy(c => c.CreatedAt).ThenBy(c => c.Status), raw.OrderBy(c => c.CreatedAt).ThenBy(c => c.Status));
        Assert.Empty(Read(db, now.AddMinutes(1)));

        static List<ScannedCase> Read(ResidentBot.Persistence.ResidentBotDbContext db, DateTimeOffset since)
        {
            var rows = new List<ScannedCase>();
            CaseScan.Sqlite(db, since, null, (in ScannedCase c) => rows.Add(c), CancellationToken.None);
            return rows;
        }
    }

    [Fact]
    public async Task Switched_off_the_page_is_not_there()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Public:Enabled"] = "false" });
        using var http = host.CreateClient();

        using var response = await http.GetAsync(new Uri("/public", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(host.Services.GetRequiredService<PublicResults>().Current.IsReady);
    }

    private static string Row(string html, string start)
    {
        var at = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no row starting {start}");
        return html[at..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    private static List<string> Cells(string row) =>
        [.. row.Split("<td>").Skip(1).Select(c => c[..c.IndexOf("</td>", StringComparison.Ordinal)])];

    private static async Task<PublicSnapshot> WaitAsync(PublicResults results, Func<PublicSnapshot, bool> done)
    {
        var signal = new TaskCompletionSource<PublicSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnRefreshed(PublicSnapshot s)
        {
            if (done(s))
            {
                signal.TrySetResult(s);
            }
        }

        results.Refreshed += OnRefreshed;
        try
        {
            if (done(results.Current))
            {
                return results.Current;
            }

            return await signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            results.Refreshed -= OnRefreshed;
        }
    }
}
