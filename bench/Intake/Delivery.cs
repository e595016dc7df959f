using System.Diagnostics;

namespace ResidentBot.Intake.Bench;

internal static partial class Scenarios
{
    /// <summary>
    /// The outbox sender with production pacing (30/s, 1/s per chat) against a fake Bot API that enforces those
    /// limits and answers 429 beyond them: sustained messages/s and 429s in steady state (after a warm-up).
    /// </summary>
    public static async Task DeliveryAsync(BenchOptions o, Report report, CancellationToken ct)
    {
        Console.WriteLine("delivery:");
        var rates = new List<double>();
        var refusals = new List<double>();
        for (var run = 0; run < o.Runs; run++)
        {
            var paths = BenchPaths.Create("delivery");
            await using var api = await FakeApi.StartAsync(ct);
            await PrepareAsync(paths, api, 0, ct);
            var total = (int)(30 * (o.Warmup + o.Measure).TotalSeconds) + 300;
            QueueMessages(paths.Store, total, chats: 200);
            api.EnforceLimits = true;
            using var host = await BotHost.StartAsync(paths, api.BaseUrl, new Dictionary<string, string>(), ct);
            await Task.Delay(o.Warmup, ct);
            var (sends, refused) = (api.Sends, api.TooMany);
            var watch = Stopwatch.StartNew();
            await Task.Delay(o.Measure, ct);
            var rate = (api.Sends - sends) / watch.Elapsed.TotalSeconds;
            var steady429 = api.TooMany - refused;
            rates.Add(rate);
            refusals.Add(steady429);
            Console.WriteLine($"  run {run + 1}: {rate:F1} messages/s sustained, {steady429} × 429 in steady state ({api.TooMany} in all), {total} queued");
            host.Kill();
        }

        report.Add("delivery: sustained messages/s (30/s and 1/s per chat enforced)", $"{Report.Median(rates):F1}", "≥ 28");
        report.Add("delivery: 429 answers in steady state", $"{Report.Median(refusals):F0}", "0");
    }

    internal static void QueueMessages(BenchStore store, int total, int chats)
    {
        using var c = store.Open();
        using var tx = c.BeginTransaction();
        var now = store.Time(TimeProvider.System.GetUtcNow());
        for (var i = 0; i < total; i++)
        {
            using var insert = c.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $$"""
                INSERT INTO "OutboxMessages" ("Channel", "Recipient", "Payload", "Status", "Attempts", "NextAttemptAt", "CreatedAt")
                VALUES ('telegram', '{{800_000 + (i % chats)}}', '{"text":"Phản ánh HD-2026-{{i:D6}}: đã tiếp nhận"}', 'Pending', 0, @t, @t)
                """;
            BenchDb.Add(insert, "@t", now);
            insert.ExecuteNonQuery();
        }

        tx.Commit();
    }
}
