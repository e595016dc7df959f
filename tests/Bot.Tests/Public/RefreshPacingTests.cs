using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Public;
using ResidentBot.Bot.Tests.Infrastructure;

namespace ResidentBot.Bot.Tests.Public;

/// <summary>The results refresh keeps to its share of a core by resting after each month it reads.</summary>
public sealed class RefreshPacingTests
{
    [Theory]
    [InlineData(100, 0.25, 300)]
    [InlineData(100, 0.5, 100)]
    [InlineData(100, 1.0, 0)]
    [InlineData(0, 0.25, 0)]
    public void A_read_is_followed_by_a_rest_that_keeps_the_refresh_to_its_share(int workedMs, double share, int restMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(restMs), RefreshPacing.RestAfter(TimeSpan.FromMilliseconds(workedMs), share));

    [Theory]
    [InlineData("0.5", 1.0)]
    [InlineData("1", 0.0)]
    public async Task A_full_build_rests_in_proportion_to_its_reading(string share, double restPerRead)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 15, 3, 0, 0, TimeSpan.Zero));
        await using var host = await BotTestHost.StartAsync(
            new Dictionary<string, string?> { ["Public:RefreshInterval"] = "10:00:00", ["Public:RefreshCpuShare"] = share }, time);
        await PublicDataset.SeedAsync(host.Services, time.GetUtcNow());

        await using var scope = host.Services.CreateAsyncScope();
        // A cache of its own, so this build reads the whole year whatever the host's refresher has read.
        var builder = ActivatorUtilities.CreateInstance<PublicSnapshotBuilder>(scope.ServiceProvider, new PublicMonthCache());
        var snapshot = await builder.BuildAsync(CancellationToken.None);

        Assert.Equal(4, snapshot.Overall.Received);
        Assert.Equal(PublicSnapshotBuilder.Months, builder.MonthsRead);
        Assert.True(builder.Pace.Reading > TimeSpan.Zero);
        Assert.Equal(builder.Pace.Reading * restPerRead, builder.Pace.Resting);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    public void A_share_outside_its_range_is_refused_naming_the_setting(string share)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Public:RefreshCpuShare"] = share }).Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddPublicResults(configuration)
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PublicOptions>>().Value);
        Assert.Contains(nameof(PublicOptions.RefreshCpuShare), error.Message, StringComparison.Ordinal);
    }
}
