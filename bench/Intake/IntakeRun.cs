using System.Diagnostics;

namespace ResidentBot.Intake.Bench;

internal sealed record LoadFigure(string Phase, double Offered, double HandledPerSecond, double ReportsPerSecond, double P50, double P95, double P99, long Abandoned)
{
    /// <summary>CPU seconds of the hosts and of the database server per fully handled update (when measured).</summary>
    public double HostCpuPerUpdate { get; init; }

    public double DbCpuPerUpdate { get; init; }

    /// <summary>CPU seconds of this driver process (residents, officials, fake Bot API) per fully handled update, when measured.</summary>
    public double DriverCpuPerUpdate { get; init; }

    /// <summary>perf stat's counters of the host per fully handled update (when measured).</summary>
    public Dictionary<string, double>? Counters { get; init; }
}

/// <summary>
/// The intake benchmark: the host in its own process, residents in closed loop to find the maximum, then fixed
/// offered loads (25/50/75 % of it) for latency. Throughput is read from the database, not from the driver.
/// </summary>
internal sealed class IntakeRun(BenchOptions options, FakeApi api, BenchPaths paths, List<long> officials)
{
    /// <summary>The host's settings for intake runs: delivery unpaced so replies measure intake, not Telegram's limit.</summary>
    public static Dictionary<string, string> HostSettings() => new()
    {
        ["Outbox__Channels__telegram__MessagesPerSecond"] = "1000",
        ["Outbox__Channels__telegram__PerChatInterval"] = "00:00:00",
        ["Outbox__Concurrency"] = "32",
        ["Outbox__PollInterval"] = "00:00:00.100",
    };

    public async Task<LoadFigure> MeasureAsync(BotHost host, Webhook webhook, string phase, double offered, CancellationToken ct, bool? lockstep = null,
        CpuMeter? hostCpu = null, CpuMeter? dbCpu = null, Func<TimeSpan, PerfStat?>? perf = null, CpuMeter? driverCpu = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var latencies = new Latencies();
        var traffic = new Traffic(api, webhook, cts.Token)
        {
            Arrivals = offered <= 0 ? null : lockstep ?? options.Lockstep ? new Pacer(offered) : new PoissonArrivals(offered, options.Residents),
        };
        var residentBase = 100_000 + (Interlocked.Increment(ref phaseSeq) * 10_000);
        var running = Task.WhenAll(traffic.RunResidentsAsync(options.Residents, residentBase), traffic.RunOfficialsAsync(officials));
        await Task.Delay(options.Warmup, ct);
        traffic.Latencies = latencies;
        var before = BenchDb.Read(paths.Store);
        hostCpu?.Start();
        dbCpu?.Start();
        driverCpu?.Start();
        var counting = perf?.Invoke(options.Measure);
        var watch = Stopwatch.StartNew();
        await Task.Delay(options.Measure, ct);
        var counted = counting is null ? null : await counting.StopAsync(ct);
        var hostSeconds = hostCpu?.Stop() ?? 0;
        var dbSeconds = dbCpu?.Stop() ?? 0;
        var driverSeconds = driverCpu?.Stop() ?? 0;
        var after = BenchDb.Read(paths.Store);
        var seconds = watch.Elapsed.TotalSeconds;
        traffic.Latencies = null;
        await cts.CancelAsync();
        await running;
        await DrainAsync(ct);
        var figure = new LoadFigure(phase, offered, (after.Handled - before.Handled) / seconds, (after.Cases - before.Cases) / seconds,
            latencies.Percentile(50), latencies.Percentile(95), latencies.Percentile(99), traffic.Abandoned)
        {
            HostCpuPerUpdate = hostSeconds / Math.Max(1, after.Handled - before.Handled),
            DbCpuPerUpdate = dbSeconds / Math.Max(1, after.Handled - before.Handled),
            DriverCpuPerUpdate = driverSeconds / Math.Max(1, after.Handled - before.Handled),
            Counters = counted?.ToDictionary(c => c.Key, c => c.Value / Math.Max(1, after.Handled - before.Handled)),
        };
        Console.WriteLine($"  {phase}: offered {(offered > 0 ? $"{offered:F0}/s" : "closed loop")}, handled {figure.HandledPerSecond:F0}/s, " +
            $"reports {figure.ReportsPerSecond:F1}/s, p50 {figure.P50:F1} ms, p95 {figure.P95:F1} ms, p99 {figure.P99:F1} ms, " +
            $"abandoned {figure.Abandoned}, host peak RSS {host.PeakWorkingSetBytes() / 1048576} MB"
            + (hostCpu is null ? "" : $", host CPU {figure.HostCpuPerUpdate * 1000:F2} ms/update")
            + (driverCpu is null ? "" : $", driver CPU {figure.DriverCpuPerUpdate * 1000:F2} ms/update"));
        Console.WriteLine("    p99 by step: " + string.Join(", ", traffic.ByStep.OrderBy(k => k.Key)
            .Select(k => $"{k.Key} {k.Value.Percentile(99):F0} ms (n={k.Value.Count})")));
        return figure;
    }

    /// <summary>
    /// Waits until every recorded update is handled (or failed) and every reply is out, so phases do not overlap. Gives
    /// up (leaving the consistency checks to report what is left) only after 60 s without progress, not after 60 s in
    /// all: on a loaded machine a slow drain that keeps moving is slowness, not loss.
    /// </summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        var stalled = Stopwatch.StartNew();
        BenchDb.Counts? last = null;
        while (stalled.Elapsed < TimeSpan.FromSeconds(60))
        {
            var c = BenchDb.Read(paths.Store);
            if (c.Received == c.Handled + c.Failed && c.Outbox == c.OutboxSent)
            {
                return;
            }

            if (c != last)
            {
                last = c;
                stalled.Restart();
            }

            await Task.Delay(200, ct);
        }
    }

    private static int phaseSeq;
}

internal sealed record BenchOptions(int Residents, TimeSpan Warmup, TimeSpan Measure, int Runs, int Cases, int FuzzCount, int Kills, bool Quick, bool Lockstep = false, int Rate = 100)
{
    public static BenchOptions Parse(string mode, string[] args)
    {
        var quick = mode is "quick" or "cluster-quick" || args.Contains("--quick");
        int Int(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(
            Int("--residents", quick ? 20 : 200),
            TimeSpan.FromSeconds(Int("--warmup", quick ? 1 : 5)),
            TimeSpan.FromSeconds(Int("--seconds", quick ? 3 : 20)),
            Int("--runs", quick ? 1 : 3),
            Int("--cases", quick ? 0 : 1_000_000),
            Int("--fuzz", quick ? 500 : 10_000),
            Int("--kills", quick ? 1 : 3),
            quick,
            args.Contains("--lockstep"),
            Int("--rate", 100));
    }
}
