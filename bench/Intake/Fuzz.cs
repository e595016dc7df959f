using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ResidentBot.Intake.Bench;

internal static partial class Scenarios
{
    /// <summary>
    /// Malformed, truncated, oversized and random updates and conversation input between real reports: no 5xx,
    /// the host still answers, and every real report is intact.
    /// </summary>
    public static async Task FuzzAsync(BenchOptions o, Report report, CancellationToken ct)
    {
        Console.WriteLine($"fuzz ({o.FuzzCount:N0} items):");
        var paths = BenchPaths.Create("fuzz");
        await using var api = await FakeApi.StartAsync(ct);
        var officials = await PrepareAsync(paths, api, 0, ct);
        using var host = await BotHost.StartAsync(paths, api.BaseUrl, IntakeRun.HostSettings(), ct);
        using var webhook = new Webhook(() => host.Webhook);
        using var fuzzHook = new Webhook(() => host.Webhook);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var traffic = new Traffic(api, webhook, stop.Token);
        var real = Task.WhenAll(traffic.RunResidentsAsync(10, 400_000), traffic.RunOfficialsAsync(officials));
        var statuses = new int[600];
        var sent = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, o.FuzzCount), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (i, token) =>
            {
                var (body, secret) = FuzzItem(new Random(i), i);
                var status = await fuzzHook.PostRawAsync(body, token, secret: secret);
                Interlocked.Increment(ref statuses[status is { } s ? (int)s : 0]);
                Interlocked.Increment(ref sent);
            });
        await Task.Delay(o.Measure, ct); // real reports keep going after the fuzz, through whatever state it left
        await stop.CancelAsync();
        await real;
        await new IntakeRun(o, api, paths, officials).DrainAsync(ct);
        using var health = new HttpClient();
        var alive = (await health.GetAsync(new Uri($"http://127.0.0.1:{host.Port}/healthz"), ct)).StatusCode == HttpStatusCode.OK && !host.HasExited;
        var fiveHundreds = statuses.Skip(500).Sum();
        var summary = string.Join(", ", statuses.Select((n, code) => (n, code)).Where(x => x.n > 0).Select(x => $"{(x.code == 0 ? "no answer" : x.code.ToString(CultureInfo.InvariantCulture))}: {x.n}"));
        Console.WriteLine($"  fuzz: {sent} items ({summary}); host alive {alive}; real reports completed {traffic.Reports}");
        using (var c = BenchDb.Open(paths.Database))
        {
            var failed = BenchDb.Scalar(c, "SELECT COUNT(*) FROM InboxEntries WHERE Status <> 'Handled'");
            if (failed > 0)
            {
                report.Problem($"fuzz: {failed} inbox entries not handled (handler threw)");
            }
        }

        await CheckIntakeConsistencyAsync(paths, webhook, report, "fuzz: real traffic");
        CheckCasesAndReplies(paths, api, report, "fuzz");
        report.Add($"fuzz: {sent:N0} malformed/truncated/oversized/random items", $"5xx {fiveHundreds}, no answer {statuses[0]}, host alive {alive}, real reports {traffic.Reports}",
            "0 5xx, 0 crashes");
        if (fiveHundreds > 0 || statuses[0] > 0 || !alive)
        {
            report.Problem($"fuzz: {fiveHundreds} × 5xx, {statuses[0]} unanswered, host alive {alive}");
        }
    }

    private static (string Body, bool Secret) FuzzItem(Random r, int i)
    {
        var user = 600_000 + r.Next(50);
        var valid = Updates.Text(user, RandomText(r, r.Next(1, 60)), i).ToJsonString();
        return (i % 12) switch
        {
            0 => (RandomText(r, r.Next(0, 400)), true),
            1 => (valid[..r.Next(0, valid.Length)], true),
            2 => (new string('[', 5_000) + new string(']', 5_000), true),
            3 => ("{\"update_id\":" + i + ",\"message\":{\"text\":\"" + new string('a', 1_100_000) + "\"}}", i % 24 == 3),
            4 => (Updates.Text(user, RandomText(r, r.Next(4_000, 40_000)), i).ToJsonString(), true),
            5 => (Updates.Callback(user, RandomText(r, r.Next(0, 64)), r.Next(-5, 1_000), $"{user}:f{i}").ToJsonString(), true),
            6 => (Updates.Callback(user, $"r.ok:{r.Next()}:AAAAAAAAAAAA", 1, $"{user}:g{i}").ToJsonString(), true),
            7 => (Mutate(r, Updates.Text(user, "/phananh", i, command: true)), true),
            8 => (Updates.Text(user, r.Next(4) switch { 0 => "/phananh", 1 => "/status HD-9999-0000001", 2 => "/cancel", _ => "/" + RandomText(r, 8) }, i, command: true).ToJsonString(), true),
            9 => (valid, false),
            10 => ("{\"update_id\":" + i + ",\"edited_message\":{\"message_id\":1,\"date\":0,\"chat\":{\"id\":" + user + ",\"type\":\"private\"}}}", true),
            _ => (Mutate(r, Updates.Text(user, RandomText(r, 30), i)), true),
        };
    }

    // Replaces one field of a valid update with a value of the wrong type or size.
    private static string Mutate(Random r, JsonObject update)
    {
        var message = update["message"]!.AsObject();
        var key = new[] { "message_id", "from", "chat", "date", "text", "entities" }[r.Next(6)];
        message[key] = r.Next(5) switch
        {
            0 => null,
            1 => JsonValue.Create(long.MaxValue),
            2 => JsonValue.Create(RandomText(r, 20)),
            3 => new JsonArray(1, "x", null),
            _ => new JsonObject { ["id"] = -r.NextInt64(), ["type"] = "supergroup" },
        };
        return update.ToJsonString();
    }

    private static string RandomText(Random r, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(r.Next(6) switch
            {
                0 => (char)r.Next(0x20, 0x7f),
                1 => (char)r.Next(0x00, 0x20),
                2 => "ăâđêôơưạảấầẩẫậ"[r.Next(14)],
                3 => (char)r.Next(0xD800, 0xE000),
                4 => "\"\\{}[]:,"[r.Next(8)],
                _ => (char)r.Next(0x4E00, 0x9FFF),
            });
        }

        return sb.ToString();
    }
}
