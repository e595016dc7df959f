namespace ResidentBot.Intake.Bench;

/// <summary>
/// The stable figure: what one handled update costs the host at a fixed offered load well under the maximum, so the
/// same work is measured before and after a change whatever the machine's speed does to the maximum.
/// </summary>
internal static partial class Scenarios
{
    public static async Task CostAsync(BenchOptions o, Report report, CancellationToken ct)
    {
        Console.WriteLine($"cost (fixed load, {o.Rate} updates/s offered, Poisson arrivals):");
        var paths = BenchPaths.Create("cost");
        await using var api = await FakeApi.StartAsync(ct);
        var officials = await PrepareAsync(paths, api, o.Cases, ct);
        using var host = await BotHost.StartAsync(paths, api.BaseUrl, IntakeRun.HostSettings(), ct);
        using var webhook = new Webhook(() => host.Webhook);
        var run = new IntakeRun(o, api, paths, officials);
        await run.MeasureAsync(host, webhook, "warm-up (not counted)", 0, ct);

        var cpu = new List<double>();
        var counters = new List<Dictionary<string, double>>();
        for (var i = 0; i < o.Runs; i++)
        {
            var figure = await run.MeasureAsync(host, webhook, $"cost run {i + 1}", o.Rate, ct, hostCpu: new CpuMeter(() => [host.Pid]),
                perf: window => PerfStat.Start(host.Pid, window));
            cpu.Add(figure.HostCpuPerUpdate * 1000);
            if (figure.Counters is { } c)
            {
                counters.Add(c);
                Console.WriteLine($"    perf stat per handled update: task-clock {c["task-clock"]:F3} ms, context switches {c["context-switches"]:F1}, page faults {c["page-faults"]:F1}");
            }
        }

        report.Add($"cost: host CPU per handled update at {o.Rate}/s offered (/proc, median of {o.Runs})", $"{Report.Median(cpu):F2} ms");
        if (counters.Count > 0)
        {
            report.Add("cost: perf stat task-clock per handled update", $"{Report.Median(counters.Select(c => c["task-clock"])):F3} ms");
            report.Add("cost: context switches per handled update", $"{Report.Median(counters.Select(c => c["context-switches"])):F1}");
            report.Add("cost: page faults per handled update", $"{Report.Median(counters.Select(c => c["page-faults"])):F1}");
        }

        await CheckIntakeConsistencyAsync(paths, webhook, report, "cost");
        host.Kill();
    }
}
