using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ResidentBot.Pages.Bench;

/// <summary>Seeds once, then times the pages over several host runs; the figures are medians of the runs.</summary>
internal static partial class PageTimer
{
    public static async Task<string> RunAsync(PagesOptions options, CancellationToken ct)
    {
        var root = FindRoot();
        var dll = BotDll(root);

        // --db PATH times the database there, seeding it first if it does not exist, and keeps it for the next run;
        // without it a fresh database is seeded in a temporary folder and deleted at the end.
        var given = options.Database is { Length: > 0 } path ? Path.GetFullPath(path) : null;
        var reuse = given is not null && File.Exists(given);
        var folder = given is null ? Directory.CreateTempSubdirectory("residentbot-pages-").FullName : null;
        var db = given ?? Path.Combine(folder!, "pages.db");
        var text = new StringBuilder();
        if (!reuse)
        {
            using (await PagesHost.StartAsync(dll, root, db, null, ct))
            {
                // The first start migrates and imports the directory; the seeder needs both.
            }

            var clock = Stopwatch.StartNew();
            var published = PagesSeeder.Seed(db, options.Cases, DateTimeOffset.UtcNow);
            text.Append(CultureInfo.InvariantCulture, $"seeded {options.Cases} cases ({published} published) in {clock.Elapsed.TotalSeconds:0.0} s; ");
        }

        text.Append(CultureInfo.InvariantCulture, $"database {new FileInfo(db).Length / 1_048_576} MB\n");
        var runs = new List<RunFigures>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var figures = await OneRunAsync(dll, root, db, options, ct);
            runs.Add(figures);
            text.Append(CultureInfo.InvariantCulture, $"run {run}: {figures}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"median of {runs.Count} runs: {RunFigures.Median(runs)}");
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }
        return text.ToString();
    }

    private static async Task<RunFigures> OneRunAsync(string dll, string root, string db, PagesOptions options, CancellationToken ct)
    {
        // A short interval so refreshes also run while the pages are being timed, as they would in production.
        using var host = await PagesHost.StartAsync(dll, root, db, new Dictionary<string, string> { ["Public__RefreshInterval"] = "00:00:10" }, ct);
        // The first refresh reads the whole year: at a load average of 30 on 2 cores that took more than the 2 minutes once allowed.
        await host.WaitForLogAsync(RefreshedMarker, 0, TimeSpan.FromMinutes(10), ct);
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
        var samples = new List<double>();
        foreach (var path in options.Paths)
        {
            for (var i = 0; i < 20; i++)
            {
                await GetAsync(http, path, ct); // warm-up: JIT, caches
            }

            for (var i = 0; i < options.Requests; i++)
            {
                var timer = Stopwatch.StartNew();
                await GetAsync(http, path, ct);
                samples.Add(timer.Elapsed.TotalMilliseconds);
            }
        }

        // At least one later refresh (every 10 s here) before the host stops: the first reads the whole year, the later
        // ones only the months that changed or aged, and those are what a running host does every few minutes.
        var waited = Stopwatch.StartNew();
        while (host.Log.Count(l => l.Contains(RefreshedMarker, StringComparison.Ordinal)) < 2 && waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(100, ct);
        }

        var refreshes = host.Log.Select(l => RefreshedIn().Match(l)).Where(m => m.Success).Select(m => (
            Ms: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            Reading: m.Groups[2].Success ? double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : double.NaN,
            Mb: m.Groups[3].Success ? double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : double.NaN)).ToList();
        var later = refreshes.Skip(1).ToList();
        return new RunFigures(Percentile(samples, 0.50), Percentile(samples, 0.95), Percentile(samples, 0.99), samples.Count,
            refreshes.Count == 0 ? double.NaN : refreshes[0].Ms, refreshes.Count == 0 ? double.NaN : refreshes[0].Mb,
            later.Count == 0 ? double.NaN : later.Max(r => r.Ms), later.Count == 0 ? double.NaN : Percentile([.. later.Select(r => r.Mb)], 0.5),
            refreshes.Count, refreshes.Count == 0 ? double.NaN : refreshes[0].Reading, later.Count == 0 ? double.NaN : later.Max(r => r.Reading));
    }

    private const string RefreshedMarker = "Public results refreshed in";

    // The allocation figure ("allocated N MB") is absent from logs of hosts before it was added.
    // So is the time spent reading cases, beside the rests that keep a refresh to Public:RefreshCpuShare of a core.
    [GeneratedRegex(@"Public results refreshed in (\d+(?:\.\d+)?) ms(?: \((\d+(?:\.\d+)?) ms reading cases)?(?:.*?allocated (\d+(?:\.\d+)?) MB)?")]
    private static partial Regex RefreshedIn();

    private static async Task GetAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), ct);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync(ct);
    }

    internal static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    internal static string BotDll(string root)
    {
        var dll = Environment.GetEnvironmentVariable("BENCH_BOT_DLL") is { Length: > 0 } chosen ? chosen
            : Path.Combine(root, "src", "Bot", "bin", "Release", "net10.0", "ResidentBot.Bot.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build the host first: dotnet build src/Bot -c Release ({dll})");
    }

    internal static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResidentBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ResidentBot.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// One run: request latency percentiles (ms); the host's first refresh (the full build at start) and the slowest of the
/// later ones (ms), with the bytes each allocated (MB; the later ones' median, which includes what GETs allocated meanwhile).
/// </summary>
internal sealed record RunFigures(
    double P50, double P95, double P99, int Requests, double FirstRefresh, double FirstAllocatedMb, double SlowestLaterRefresh,
    double LaterAllocatedMb, int Refreshes, double FirstReading = double.NaN, double LaterReading = double.NaN)
{
    /// <summary>Latencies only, as the console's timings give them.</summary>
    public RunFigures(double p50, double p95, double p99, int requests, double slowestRefresh, int refreshes)
        : this(p50, p95, p99, requests, slowestRefresh, double.NaN, double.NaN, double.NaN, refreshes)
    {
    }

    public static RunFigures Median(IReadOnlyList<RunFigures> runs)
    {
        double M(Func<RunFigures, double> f) => runs.Select(f).Order().ElementAt(runs.Count / 2);
        return new RunFigures(M(r => r.P50), M(r => r.P95), M(r => r.P99), runs[0].Requests, M(r => r.FirstRefresh), M(r => r.FirstAllocatedMb),
            M(r => r.SlowestLaterRefresh), M(r => r.LaterAllocatedMb), (int)M(r => r.Refreshes), M(r => r.FirstReading), M(r => r.LaterReading));
    }

    public override string ToString() => Refreshes <= 0
        ? string.Create(CultureInfo.InvariantCulture, $"GET p50 {P50:0.0} ms, p95 {P95:0.0} ms, p99 {P99:0.0} ms over {Requests} requests")
        : string.Create(CultureInfo.InvariantCulture,
        $"GET p50 {P50:0.0} ms, p95 {P95:0.0} ms, p99 {P99:0.0} ms over {Requests} requests; first refresh {FirstRefresh:0} ms ({FirstReading:0} ms of it reading cases, the rest resting; {FirstAllocatedMb:0} MB allocated), "
        + $"slowest of {Refreshes - 1} later refreshes {SlowestLaterRefresh:0} ms (at most {LaterReading:0} ms reading; {LaterAllocatedMb:0} MB allocated, median)");
}
