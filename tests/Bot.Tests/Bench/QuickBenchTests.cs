using ResidentBot.Intake.Bench;

namespace ResidentBot.Bot.Tests.Bench;

/// <summary>
/// Runs the intake benchmark's quick mode (host in its own process, real webhook traffic, kill -9 and fuzz) so
/// the harness cannot rot. Asserts only that nothing was lost or duplicated; timings are not checked here.
/// </summary>
public sealed class QuickBenchTests
{
    [Fact]
    public async Task Quick_bench_loses_nothing_and_duplicates_nothing()
    {
        // The host this test suite was built with (Debug or Release), next to the tests' own configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(Infrastructure.RepositoryPaths.Root, "src", "Bot", "bin", configuration, "net10.0", "ResidentBot.Bot.dll");
        Environment.SetEnvironmentVariable(BenchPaths.BotDllVariable, dll);
        var options = new BenchOptions(Residents: 10, Warmup: TimeSpan.FromSeconds(1), Measure: TimeSpan.FromSeconds(3), Runs: 1,
            Cases: 1_000, FuzzCount: 300, Kills: 1, Quick: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        var report = await BenchMain.RunAsync("quick", options, timeout.Token);

        Assert.True(report.Consistent, string.Join("; ", report.Problems));
    }
}
