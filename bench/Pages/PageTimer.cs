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

        var folder = Directory.CreateTempSubdirectory("residentbot-pages-").FullName;
        var db = Path.Combine(folder, "pages.db");
        using (await PagesHost.StartAsync(dll, root, db, null, ct))
        {
            // The first start migrates and imports the directory; the seeder needs both.
        }

        var clock = Stopwatch.StartNew();
        var published = PagesSeeder.Seed(db, options.Cases, DateTimeOffset.UtcNow);
        var text = new StringBuilder($"seeded {options.Cases} cases ({published} published) in {clock.Elapsed.TotalSeconds:0.0} s; database {new FileInfo(db).Length / 1_048_576} MB\n");
        var runs = new List<RunFigures>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var figures = await OneRunAsync(dll, root, db, options, ct);
            runs.Add(figures);
            text.Append(CultureInfo.InvariantCulture, $"run {run}: {figures}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"median of {runs.Count} runs: {RunFigures.Median(runs)}");
        Directory.Delete(folder, recursive: true);
        return text.ToString();
    }

    private static async Task<RunFigures> OneRunAsync(string dll, string root, string db, PagesOptions options, CancellationToken ct)
    {
        // A short interval so refreshes also run while the pages are being timed, as they would in production.
        using var host = await PagesHost.StartAsync(dll, root, db, new Dictionary<string, string> { ["Public__RefreshInterval"] = "00:00:10" }, ct);
        await host.WaitForLogAsync(RefreshedMarker, 0, TimeSpan.FromMinutes(2), ct);
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

        var refreshes = host.Log.Select(l => RefreshedIn().Match(l)).Where(m => m.Success)
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return new RunFigures(Percentile(samples, 0.50), Percentile(samples, 0.95), Percentile(samples, 0.99), samples.Count,
            refreshes.Count == 0 ? double.NaN : refreshes.Max(), refreshes.Count);
    }

    private const string RefreshedMarker = "Public results refreshed in";

    [GeneratedRegex(@"Public results refreshed in (\d+(?:\.\d+)?) ms")]
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

/// <summary>One run: request latency percentiles (ms) and the slowest refresh the host logged (ms).</summary>
internal sealed record RunFigures(double P50, double P95, double P99, int Requests, double SlowestRefresh, int Refreshes)
{
    public static RunFigures Median(IReadOnlyList<RunFigures> runs)
    {
        double M(Func<RunFigures, double> f) => runs.Select(f).Order().ElementAt(runs.Count / 2);
        return new RunFigures(M(r => r.P50), M(r => r.P95), M(r => r.P99), runs[0].Requests, M(r => r.SlowestRefresh), (int)M(r => r.Refreshes));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"GET p50 {P50:0.0} ms, p95 {P95:0.0} ms, p99 {P99:0.0} ms over {Requests} requests; slowest of {Refreshes} refreshes {SlowestRefresh:0} ms");
}
