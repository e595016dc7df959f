using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace ResidentBot.Pages.Bench;

/// <summary>
/// The web console (issue 13) on the seeded database: the busiest official's queue and one of their cases, and a city
/// supervisor's board (digest and scorecard of the last 7 days; as a board seen again within the minute its scorecard
/// is kept, and for a new period each request), its chart and its downloads, each timed while signed in through a link the
/// <c>console-link</c> verb printed, as an administrator would get the first one.
/// </summary>
internal static partial class ConsoleTimer
{
    private const string Supervisor = "HD.TPHD.UVBTV";

    public static async Task<string> RunAsync(PagesOptions options, CancellationToken ct)
    {
        var root = PageTimer.FindRoot();
        var dll = PageTimer.BotDll(root);
        // --db PATH times a database seeded before (by an earlier run or `seed`), or seeds one there and keeps it for the
        // next run; without --db a fresh one is seeded in a temporary folder and deleted.
        var named = options.Database is { Length: > 0 };
        var reuse = named && File.Exists(options.Database);
        var folder = named ? null : Directory.CreateTempSubdirectory("residentbot-console-").FullName;
        var db = named ? options.Database! : Path.Combine(folder!, "console.db");
        var text = new StringBuilder();
        if (!reuse)
        {
            using (await PagesHost.StartAsync(dll, root, db, null, ct))
            {
            }

            var clock = Stopwatch.StartNew();
            PagesSeeder.Seed(db, options.Cases, DateTimeOffset.UtcNow);
            text.Append(CultureInfo.InvariantCulture, $"seeded {options.Cases} cases in {clock.Elapsed.TotalSeconds:0.0} s; ");
        }

        text.Append(CultureInfo.InvariantCulture, $"database {new FileInfo(db).Length / 1_048_576} MB\n");
        var (official, activeCases, caseId) = Busiest(db);
        text.Append(CultureInfo.InvariantCulture, $"official {official} has {activeCases} active cases; timing case {caseId}\n");
        var settings = new Dictionary<string, string> { ["Console__PublicBaseUrl"] = "http://console.bench" };
        var all = new List<(string Path, RunFigures Figures)>();
        for (var run = 1; run <= options.Runs; run++)
        {
            // A link signs in once: each run asks its own (reusing run 1's made every later sign-in a 410 page, then a 400).
            var officialLink = await LinkAsync(dll, root, db, official, ct);
            var supervisorLink = await LinkAsync(dll, root, db, Supervisor, ct);
            using var host = await PagesHost.StartAsync(dll, root, db, settings, ct);
            var asOfficial = await SignInAsync(host.Address, officialLink, ct);
            var asSupervisor = await SignInAsync(host.Address, supervisorLink, ct);
            // The board's page, then what its page loads or links: the chart image, and the two CSV downloads.
            foreach (var (client, path) in new[]
                     {
                         (asOfficial, "/console"), (asOfficial, $"/console/cases/{caseId}"), (asSupervisor, "/console/board"), (asSupervisor, "/console/board?to={day}"),
                         (asSupervisor, "/console/board/scorecard.svg"), (asSupervisor, "/console/board/overdue.csv"), (asSupervisor, "/console/board/scorecard.csv"),
                     })
            {
                var figures = await TimeAsync(client, path, options.Requests, ct);
                all.Add((path, figures));
                text.Append(CultureInfo.InvariantCulture, $"run {run} {path}: {figures}\n");
            }

            asOfficial.Dispose();
            asSupervisor.Dispose();
        }

        foreach (var group in all.GroupBy(f => f.Path))
        {
            text.Append(CultureInfo.InvariantCulture, $"median of {options.Runs} runs {group.Key}: {RunFigures.Median([.. group.Select(g => g.Figures)])}\n");
        }

        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }

        return text.ToString().TrimEnd();
    }

    // The official with the most active cases, and the newest of them.
    private static (string Code, long Active, long CaseId) Busiest(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT o.Code, COUNT(*), MAX(c.Id) FROM Cases c JOIN Officials o ON o.Id = c.AccountableOfficialId
            WHERE c.Status IN ('Assigned', 'Acknowledged', 'Reopened', 'Transferred', 'WaitingForResident')
            GROUP BY o.Code ORDER BY COUNT(*) DESC LIMIT 1
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task<string> LinkAsync(string dll, string root, string db, string officialCode, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet", [dll, "console-link", officialCode])
        {
            WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["ConnectionStrings__ResidentBot"] = $"Data Source={db}";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Console__PublicBaseUrl"] = "http://console.bench";
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0 ? new Uri(output.Trim()).PathAndQuery : throw new InvalidOperationException($"console-link {officialCode}: {error}");
    }

    /// <summary>Opens the link and posts its form; the cookies are kept by hand (the session cookie is Secure, the bench speaks plain http).</summary>
    private static async Task<HttpClient> SignInAsync(Uri address, string link, CancellationToken ct)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        using var page = await client.GetAsync(new Uri(link, UriKind.Relative), ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"sign-in page answered {page.StatusCode} (used or expired link?)");
        }

        Remember(client, page);
        var fields = Hidden().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        using var posted = await client.PostAsync(new Uri(link, UriKind.Relative), new FormUrlEncodedContent(fields), ct);
        if (posted.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in answered {posted.StatusCode}: {await posted.Content.ReadAsStringAsync(ct)}");
        }

        Remember(client, posted);
        return client;
    }

    private static void Remember(HttpClient client, HttpResponseMessage response)
    {
        var jar = client.DefaultRequestHeaders.TryGetValues("Cookie", out var sent) ? string.Join("; ", sent) : string.Empty;
        var cookies = jar.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(c => c.Split('=', 2)).ToDictionary(c => c[0], c => c[1]);
        foreach (var set in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = set.Split(';')[0].Split('=', 2);
            cookies[pair[0]] = pair[1];
        }

        client.DefaultRequestHeaders.Remove("Cookie");
        if (cookies.Count > 0)
        {
            client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }
    }

    private static async Task<RunFigures> TimeAsync(HttpClient client, string path, int requests, CancellationToken ct)
    {
        var samples = new List<double>();
        for (var i = 0; i < 20 + requests; i++)
        {
            // "{day}" is a different day each request, so each asks for a period no earlier request computed (the scorecard's
            // one-minute cache misses every time): the board's cold figure beside the warm one.
            var asked = path.Replace("{day}", DateTime.UtcNow.Date.AddDays(-i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var timer = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(asked, UriKind.Relative), ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path} answered {response.StatusCode}");
            }

            if (i >= 20)
            {
                samples.Add(timer.Elapsed.TotalMilliseconds);
            }
        }

        return new RunFigures(PageTimer.Percentile(samples, 0.50), PageTimer.Percentile(samples, 0.95), PageTimer.Percentile(samples, 0.99), samples.Count, double.NaN, 0);
    }

    [GeneratedRegex(@"<input type=""hidden"" name=""([^""]+)"" value=""([^""]*)""")]
    private static partial Regex Hidden();
}
