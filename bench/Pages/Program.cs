using System.Diagnostics;
using System.Globalization;

namespace ResidentBot.Pages.Bench;

// The public results page on a large database.
//   seed --db PATH [--cases N]          fills a database the host has migrated (PagesSeeder)
//   console [--cases N] [--runs R] [--requests Q]
//                                       the web console's queue, case page and supervisor board on the same seeded database
//   run [--cases N] [--runs R] [--requests Q] [--paths /public,/public?lang=en]
//                                       migrates a fresh database with the Release host, seeds N cases, then R times:
//                                       starts the host, waits for its first refresh, GETs each path Q times and reports
//                                       p50/p95/p99 and the refresh durations the host logged; prints medians of the runs.
internal static class PagesMain
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var options = PagesOptions.Parse(args);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        if (options.Mode == "seed")
        {
            var clock = Stopwatch.StartNew();
            var published = PagesSeeder.Seed(options.Database ?? throw new ArgumentException("seed needs --db PATH"), options.Cases, DateTimeOffset.UtcNow);
            Console.WriteLine($"seeded {options.Cases} cases ({published} published) in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }

        var report = options.Mode == "console" ? await ConsoleTimer.RunAsync(options, stop.Token) : await PageTimer.RunAsync(options, stop.Token);
        Console.WriteLine(report);
        return 0;
    }
}

internal sealed record PagesOptions(string Mode, string? Database, int Cases, int Runs, int Requests, IReadOnlyList<string> Paths)
{
    public static PagesOptions Parse(string[] args)
    {
        string Value(string name, string fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && Array.IndexOf(args, a) is 0) ?? "run";
        return new PagesOptions(mode, Array.IndexOf(args, "--db") >= 0 ? Value("--db", "") : null, Number("--cases", 1_000_000), Number("--runs", 3),
            Number("--requests", 300), Value("--paths", "/public,/public?lang=en").Split(',', StringSplitOptions.RemoveEmptyEntries));
    }
}
