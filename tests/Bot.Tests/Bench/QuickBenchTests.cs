using ResidentBot.Intake.Bench;

namespace ResidentBot.Bot.Tests.Bench;

/// <summary>
/// Runs the intake benchmark's quick mode (host in its own process, real webhook traffic, kill -9 and fuzz) so
/// the harness cannot rot. Asserts only that nothing was lost or duplicated; timings are not checked here, and the
/// waits are generous (the drain gives up only when nothing moves for 60 s), so a loaded machine makes it slower,
/// not red. It runs alone, after the parallel tests, so the suite's own load does not squeeze it (nor it the suite).
/// Its own category: <c>dotnet test --filter "Category!=Bench"</c> skips it.
/// </summary>
[Trait("Category", "Bench")]
[Collection(BenchCollection.Name)]
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
        // About a minute on a quiet machine; the cap is for a hung run, not a slow one.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(12));

        var report = await BenchMain.RunAsync("quick", options, timeout.Token);

        Assert.True(report.Consistent, string.Join("; ", report.Problems));
    }
}

/// <summary>Tests that run with nothing else beside them (xunit runs non-parallel collections after the rest).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchCollection
{
    public const string Name = "Bench";
}
