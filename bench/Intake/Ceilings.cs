using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ResidentBot.Intake.Bench;

internal static partial class Scenarios
{
    /// <summary>The HTTP ceiling (host parses and answers 200) and the storage ceiling (raw SQLite, same rows).</summary>
    private static async Task CeilingsAsync(BenchOptions o, Report report, BenchPaths paths, FakeApi api, double maxHandled, CancellationToken ct)
    {
        var settings = IntakeRun.HostSettings();
        settings["Bench__WebhookOnly"] = "true";
        using (var host = await BotHost.StartAsync(paths, api.BaseUrl, settings, ct))
        using (var webhook = new Webhook(() => host.Webhook))
        {
            var http = new List<double>();
            for (var i = 0; i < o.Runs; i++)
            {
                http.Add(await HttpCeilingAsync(webhook, o, ct));
                Console.WriteLine($"  HTTP ceiling run {i + 1}: {http[^1]:F0} updates/s answered 200");
            }

            report.Add("HTTP ceiling: parse + 200 (Bench:WebhookOnly), updates/s", $"{Report.Median(http):F0}");
            host.Kill();
        }

        // Two transaction shapes with the same rows: one update per transaction (what the product did before group
        // commit), and groups of StorageBatch updates per transaction (the product's batched shape under load).
        var single = new List<double>();
        var batched = new List<double>();
        for (var i = 0; i < o.Runs; i++)
        {
            single.Add(StorageCeiling(paths.Database, o.Measure, 1));
            batched.Add(StorageCeiling(paths.Database, o.Measure, StorageBatch));
            Console.WriteLine($"  storage ceiling run {i + 1}: {single[^1]:F0} updates/s one per transaction, {batched[^1]:F0} in groups of {StorageBatch}");
        }

        report.Add("storage ceiling: raw Microsoft.Data.Sqlite, same rows, one update per transaction, updates/s", $"{Report.Median(single):F0}");
        var ceiling = Report.Median(batched);
        report.Add($"storage ceiling: same rows, {StorageBatch} updates per transaction (the product's batched shape), updates/s", $"{ceiling:F0}");
        report.Add("intake max / storage ceiling (batched shape)", $"{maxHandled / ceiling:F3}", "≥ 0.5");
    }

    private const int StorageBatch = 32;

    private static async Task<double> HttpCeilingAsync(Webhook webhook, BenchOptions o, CancellationToken ct)
    {
        var before = webhook.Ok;
        var watch = Stopwatch.StartNew();
        var until = o.Measure;
        await Task.WhenAll(Enumerable.Range(0, 64).Select(worker => Task.Run(async () =>
        {
            var n = 0;
            while (watch.Elapsed < until && !ct.IsCancellationRequested)
            {
                await webhook.PostAsync(Updates.Text(500_000 + worker, "xin chào", ++n), ct);
            }
        }, ct)));
        return (webhook.Ok - before) / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// What text turns write, as the product does it, <paramref name="batch"/> updates per transaction: the webhook's
    /// insert (one look-up for the batch's ids, then the rows); the turns' transaction (per turn: mark the entry
    /// handled, read the conversation and the identity, update the conversation, queue one reply); the sender's
    /// "sent" updates. One connection, as SQLite serializes writers anyway.
    /// </summary>
    private static double StorageCeiling(string path, TimeSpan duration, int batch)
    {
        using var c = BenchDb.Open(path);
        BenchDb.Exec(c, "PRAGMA synchronous=NORMAL");
        var payload = new string('x', 600);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var count = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            var ids = Enumerable.Range(0, batch).Select(_ => $"ceiling-{Guid.NewGuid():N}").ToList();
            var entries = new List<long>();
            using (var tx = c.BeginTransaction())
            {
                Run(c, tx, $"SELECT ExternalId FROM InboxEntries WHERE Channel='telegram' AND ExternalId IN ({string.Join(',', ids.Select(i => $"'{i}'"))})", 0);
                foreach (var id in ids)
                {
                    Run(c, tx, "INSERT INTO InboxEntries (Channel, ExternalId, ReceivedAt, Payload, Status, Attempts) VALUES ('telegram', $a, $n, $b, 'Pending', 0)", id, payload, now);
                    entries.Add(BenchDb.Scalar(c, "SELECT last_insert_rowid()", tx));
                }

                tx.Commit();
            }

            var outbox = new List<long>();
            using (var tx = c.BeginTransaction())
            {
                foreach (var entry in entries)
                {
                    var chat = (700_000 + (count++ % 200)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Run(c, tx, "UPDATE InboxEntries SET Status='Handled', HandledAt=$n, Attempts=1 WHERE Id=$a AND Status='Pending'", entry, null, now);
                    Run(c, tx, "SELECT Id FROM ConversationStates WHERE Channel='telegram' AND ChatId=$a", chat);
                    Run(c, tx, "SELECT ResidentId FROM ResidentIdentities WHERE Channel='telegram' AND ExternalId=$a", chat);
                    Run(c, tx, """
                        INSERT INTO ConversationStates (Channel, ChatId, Flow, Step, Data, UpdatedAt) VALUES ('telegram', $a, 'report', 'where', $b, $n)
                        ON CONFLICT (Channel, ChatId) DO UPDATE SET Step = excluded.Step, Data = excluded.Data, UpdatedAt = excluded.UpdatedAt
                        """, chat, payload[..300], now);
                    Run(c, tx, "INSERT INTO OutboxMessages (Channel, Recipient, Payload, Status, Attempts, NextAttemptAt, CreatedAt) VALUES ('telegram', $a, $b, 'Pending', 0, $n, $n)", chat, payload, now);
                    outbox.Add(BenchDb.Scalar(c, "SELECT last_insert_rowid()", tx));
                }

                tx.Commit();
            }

            using (var tx = c.BeginTransaction())
            {
                foreach (var message in outbox)
                {
                    Run(c, tx, "UPDATE OutboxMessages SET Status='Sent', SentAt=$n, Attempts=1, ExternalMessageId='1' WHERE Id=$a", message, null, now);
                }

                tx.Commit();
            }
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    private static void Run(SqliteConnection c, SqliteTransaction tx, string sql, object a, string? b = null, long? n = null)
    {
        using var q = c.CreateCommand();
        q.Transaction = tx;
        q.CommandText = sql;
        q.Parameters.AddWithValue("$a", a);
        if (sql.Contains("$b", StringComparison.Ordinal))
        {
            q.Parameters.AddWithValue("$b", b ?? "");
        }

        if (sql.Contains("$n", StringComparison.Ordinal))
        {
            q.Parameters.AddWithValue("$n", n ?? 0);
        }

        using var r = q.ExecuteReader();
        while (r.Read())
        {
        }
    }
}
