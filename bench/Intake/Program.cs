using System.Globalization;
using ResidentBot.Intake.Bench;

// Intake, delivery and fault benchmarks against the Release host in its own process.
// Usage: dotnet run -c Release --project bench/Intake -- [all|intake|delivery|fault|fuzz|quick] [--quick] [--residents N]
//        [--seconds S] [--warmup S] [--runs N] [--cases N] [--fuzz N] [--kills N]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var options = BenchOptions.Parse(mode, args);
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(mode is "quick" ? 5 : 60));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

Console.WriteLine($"machine: {Environment.ProcessorCount} cores; mode {mode}; {options}");
var report = new Report();
if (mode is "all" or "intake" or "quick")
{
    await Scenarios.IntakeAsync(options, report, stop.Token);
}

if (mode is "all" or "delivery" or "quick")
{
    await Scenarios.DeliveryAsync(options, report, stop.Token);
}

if (mode is "all" or "fault" or "quick")
{
    await Scenarios.FaultAsync(options, report, stop.Token);
}

if (mode is "all" or "fuzz" or "quick")
{
    await Scenarios.FuzzAsync(options, report, stop.Token);
}

report.Print();
return report.Consistent ? 0 : 1;
