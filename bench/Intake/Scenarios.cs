namespace ResidentBot.Intake.Bench;

/// <summary>The benchmark scenarios, each on a fresh database and a freshly started host.</summary>
internal static partial class Scenarios
{
    public static async Task IntakeAsync(BenchOptions o, Report report, CancellationToken ct)
    {
        Console.WriteLine("intake:");
        var paths = BenchPaths.Create("intake");
        await using var api = await FakeApi.StartAsync(ct);
        var officials = await PrepareAsync(paths, api, o.Cases, ct);
        using var host = await BotHost.StartAsync(paths, api.BaseUrl, IntakeRun.HostSettings(), ct);
        using var webhook = new Webhook(() => host.Webhook);
        var run = new IntakeRun(o, api, paths, officials);
        if (!o.Quick)
        {
            // The runtime JIT-compiles and re-optimises hot code (tiered compilation) for the first half minute or
            // so; a server runs for months, so one closed-loop round is run first and not counted. (The quick mode
            // checks consistency, not speed.)
            await run.MeasureAsync(host, webhook, "warm-up (not counted)", 0, ct);
        }

        var max = new List<LoadFigure>();
        for (var i = 0; i < o.Runs; i++)
        {
            max.Add(await run.MeasureAsync(host, webhook, $"max run {i + 1}", 0, ct, hostCpu: new CpuMeter(() => [host.Pid]),
                driverCpu: new CpuMeter(() => [Environment.ProcessId])));
        }

        // The stable figure on a shared machine: what a handled update costs the host, whatever else runs beside it.
        report.Add("intake: host CPU per fully handled update (max)", $"{Report.Median(max.Select(m => m.HostCpuPerUpdate)) * 1000:F2} ms");
        // The driver shares the 2 cores: host + driver CPU per update bounds the maximum at cores ÷ their sum.
        report.Add("intake: driver CPU per fully handled update (max; residents, officials and the fake Bot API)",
            $"{Report.Median(max.Select(m => m.DriverCpuPerUpdate)) * 1000:F2} ms");

        var maxHandled = Report.Median(max.Select(m => m.HandledPerSecond));
        report.Add("intake: fully handled updates/s (closed loop, max)", $"{maxHandled:F0}", "≥ 2,000");
        report.Add("intake: complete reports/s (max)", $"{Report.Median(max.Select(m => m.ReportsPerSecond)):F1}", "≥ 300");
        foreach (var share in new[] { 0.25, 0.5, 0.75 })
        {
            var loads = new List<LoadFigure>();
            for (var i = 0; i < o.Runs; i++)
            {
                loads.Add(await run.MeasureAsync(host, webhook, $"{share:P0} run {i + 1}", Math.Max(1, share * maxHandled), ct));
            }

            report.Add($"intake latency at {share:P0} ({share * maxHandled:F0} updates/s offered, Poisson arrivals): p50 / p95 / p99",
                $"{Report.Median(loads.Select(l => l.P50)):F1} / {Report.Median(loads.Select(l => l.P95)):F1} / {Report.Median(loads.Select(l => l.P99)):F1} ms",
                share == 0.5 ? "p99 ≤ 50 ms" : "");
        }

        if (!o.Quick)
        {
            // The old arrival model, kept as the worst case: every resident at the same step at the same time.
            var lockstep = new List<LoadFigure>();
            for (var i = 0; i < o.Runs; i++)
            {
                lockstep.Add(await run.MeasureAsync(host, webhook, $"50 % lockstep run {i + 1}", 0.5 * maxHandled, ct, lockstep: true));
            }

            report.Add($"intake latency at 50 % with lockstep arrivals (worst case): p50 / p95 / p99",
                $"{Report.Median(lockstep.Select(l => l.P50)):F1} / {Report.Median(lockstep.Select(l => l.P95)):F1} / {Report.Median(lockstep.Select(l => l.P99)):F1} ms");
        }

        report.Add($"host peak RSS (intake, {o.Cases:N0} cases preloaded)", $"{host.PeakWorkingSetBytes() / 1048576} MB", "≤ 300 MB");
        await CheckIntakeConsistencyAsync(paths, webhook, report, "intake");
        host.Kill();
        await CeilingsAsync(o, report, paths, api, maxHandled, ct);
    }

    /// <summary>First start creates the schema and imports the directory; then officials are bound and cases preloaded.</summary>
    internal static async Task<List<long>> PrepareAsync(BenchPaths paths, FakeApi api, int cases, CancellationToken ct)
    {
        using (var first = await BotHost.StartAsync(paths, api.BaseUrl, IntakeRun.HostSettings(), ct))
        {
            first.Kill();
        }

        var officials = BenchDb.BindOfficials(paths.Store);
        if (cases > 0)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            BenchDb.FillCases(paths.Database, cases);
            Console.WriteLine($"  preloaded {cases:N0} cases in {watch.Elapsed.TotalSeconds:F0} s");
        }

        return officials;
    }

    /// <summary>Every update answered 200 is in the inbox once and handled; nothing failed.</summary>
    internal static Task CheckIntakeConsistencyAsync(BenchPaths paths, Webhook webhook, Report report, string name)
    {
        using var c = paths.Store.Open();
        var accepted = webhook.Accepted.Count;
        var handled = BenchDb.Scalar(c, "SELECT COUNT(DISTINCT \"ExternalId\") FROM \"InboxEntries\" WHERE \"Channel\"='telegram' AND \"Status\" = 'Handled'");
        var rows = BenchDb.Scalar(c, "SELECT COUNT(*) FROM \"InboxEntries\"");
        var failed = BenchDb.Scalar(c, "SELECT COUNT(*) FROM \"InboxEntries\" WHERE \"Status\" <> 'Handled'");
        var dupCodes = BenchDb.Scalar(c, "SELECT COUNT(*) - COUNT(DISTINCT \"TrackingCode\") FROM \"Cases\"");
        Console.WriteLine($"  {name}: answered 200 {accepted}, inbox rows {rows}, handled {handled}, not handled {failed}, duplicate codes {dupCodes}, 5xx {webhook.ServerErrors}");
        if (handled < accepted || failed > 0 || dupCodes > 0 || webhook.ServerErrors > 0)
        {
            report.Problem($"{name}: accepted {accepted}, handled {handled}, not handled {failed}, duplicate codes {dupCodes}, 5xx {webhook.ServerErrors}");
        }

        return Task.CompletedTask;
    }
}
