using System.Globalization;

namespace ResidentBot.Intake.Bench;

// Intake, delivery and fault benchmarks against the Release host in its own process.
// Usage: dotnet run -c Release --project bench/Intake -- [all|intake|delivery|fault|fuzz|quick|cluster|cluster-quick|pg-one|cost] [--quick] [--residents N] [--rate N]
//        [--seconds S] [--warmup S] [--runs N] [--cases N] [--fuzz N] [--kills N]
internal static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(mode is "quick" ? 12 : 60));
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var report = await RunAsync(mode, BenchOptions.Parse(mode, args), stop.Token);
        report.Print();
        return report.Consistent ? 0 : 1;
    }

    public static async Task<Report> RunAsync(string mode, BenchOptions options, CancellationToken ct)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; mode {mode}; {options}");
        var report = new Report();
        if (mode is "all" or "intake" or "quick")
        {
            await Scenarios.IntakeAsync(options, report, ct);
        }

        if (mode is "all" or "delivery" or "quick")
        {
            await Scenarios.DeliveryAsync(options, report, ct);
        }

        if (mode is "all" or "fault" or "quick")
        {
            await Scenarios.FaultAsync(options, report, ct);
        }

        if (mode is "all" or "fuzz" or "quick")
        {
            await Scenarios.FuzzAsync(options, report, ct);
        }

        // Not in "all": the stable per-update figure for before/after comparisons (perf stat when installed).
        if (mode is "cost")
        {
            await Scenarios.CostAsync(options, report, ct);
        }

        if (mode is "pg-one")
        {
            await Scenarios.PostgresOneHostAsync(options, report, ct);
        }

        // Not in "all": it needs PostgreSQL's server binaries (apt-get install postgresql).
        if (mode is "cluster" or "cluster-quick")
        {
            await Scenarios.ClusterAsync(options, report, ct);
        }

        return report;
    }
}
