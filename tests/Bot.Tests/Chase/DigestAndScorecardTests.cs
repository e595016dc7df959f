using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Bot.Chase.Scorecard;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Outbox;
using ResidentBot.Persistence.Chase;

namespace ResidentBot.Bot.Tests.Chase;

public sealed class DigestAndScorecardTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Daily_digest_lists_overdue_cases_per_ward_and_official_and_remembers_them()
    {
        await using var host = await ChaseHost.StartAsync();
        await host.ReportAsync();
        await host.ReportAsync();
        await host.ReportAsync(area: "HD.TPHD.QUANGTRUNG");
        host.Time.SetUtcNow(ChaseHost.Monday.AddDays(1).AddHours(2)); // acknowledge deadlines passed

        await using var scope = host.Host.Services.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<EscalationDigestJob>().RunAsync(CancellationToken.None);

        var digests = (await host.OutboxAsync()).Where(m => m.DedupKey?.StartsWith("digest:", StringComparison.Ordinal) == true).ToList();
        var city = digests.Single(m => m.Recipient == "9002");
        var text = OutboxWriter.Read(city).Text;
        Assert.StartsWith("📊 Tổng hợp phản ánh quá hạn: 3 phản ánh (3 mới, 0", text, StringComparison.Ordinal);
        Assert.Contains("Phường Trần Phú\n• Chủ tịch UBND phường Trần Phú", text, StringComparison.Ordinal);
        Assert.Contains("Phường Quang Trung", text, StringComparison.Ordinal);
        Assert.Equal(3, sent); // the two city supervisors and the province one
        await using var db = host.Host.NewDbContext();
        Assert.Equal(3, (await db.Set<DigestSnapshot>().FirstAsync()).CaseIds.Split(',').Length);
    }

    [Fact]
    public void Scorecard_numbers_match_a_hand_computed_example()
    {
        ScoreCase Case(string official, double ackHours, double resolveDays, int? rating) => new(
            "Phường Trần Phú", official, T0, T0.AddHours(8), T0.AddHours(ackHours), T0.AddDays(5), T0.AddDays(resolveDays), rating);
        var cases = new[]
        {
            Case("A", 2, 3, 5),
            Case("A", 10, 6, 3),
            Case("B", 4, 4, null),
            new ScoreCase("Phường Trần Phú", "B", T0, T0.AddHours(8), null, T0.AddDays(5), null, null),
        };

        var lines = ScorecardCalculator.Lines(cases);

        var ward = lines[0];
        Assert.Null(ward.Official);
        Assert.Equal((4, 2, 2), (ward.Received, ward.AcknowledgedOnTime, ward.ResolvedOnTime));
        Assert.Equal(TimeSpan.FromDays(4), ward.MedianToResolve); // 3, 4, 6 days
        Assert.Equal(4.0, ward.AverageRating);
        Assert.Equal(0.5, ward.OnTimeRate);
        var a = lines[1];
        Assert.Equal(("A", 2, 1, 1), (a.Official, a.Received, a.AcknowledgedOnTime, a.ResolvedOnTime));
        Assert.Equal(TimeSpan.FromDays(4.5), a.MedianToResolve);
    }

    [Theory]
    [InlineData("vi", "4,5 / 4,0")]
    [InlineData("en", "4.5 / 4.0")]
    public void Scorecard_decimals_are_written_as_the_readers_language_writes_them(string language, string expected)
    {
        ScoreCase Case(double resolveDays, int rating) => new(
            "Phường Trần Phú", "A", T0, T0.AddHours(8), T0.AddHours(2), T0.AddDays(5), T0.AddDays(resolveDays), rating);
        var lines = ScorecardCalculator.Lines([Case(3, 5), Case(6, 3)]);

        var text = WeeklyScorecardJob.Render(new OfficialChat(1, "telegram", "9001", language), lines);

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scorecard_chart_is_a_png_file()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("residentbot-chart-").FullName, "chart.png");
        var lines = ScorecardCalculator.Lines([new ScoreCase("Phường Trần Phú", "A", T0, T0.AddHours(8), T0, T0.AddDays(5), T0.AddDays(1), 5)]);

        ScorecardChart.Write([.. lines.Where(l => l.Official is null)], path);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, File.ReadAllBytes(path).Take(8).ToArray());
    }
}
