namespace ResidentBot.Intake.Bench;

/// <summary>
/// The order a chat's messages were queued in, on PostgreSQL. An outbox row's id comes from a sequence when its insert
/// runs, not when its transaction commits, and two transactions that overlap have no order of their own: two turns on
/// two hosts writing to one chat at once (a resident's own turn, and an official's reply that notifies them) can commit
/// in the opposite order of their ids, and can even become visible in the opposite order of their commit times
/// (PostgreSQL stamps the commit record before it makes the transaction visible). What the product promises is the
/// order that exists: a message queued by a transaction that had <em>seen</em> another message committed goes after it.
/// A trigger records each row's inserting transaction and the snapshot its insert ran under; a violation is a message
/// sent before one whose transaction was visible in its own snapshot (<c>pg_visible_in_snapshot</c>). Commit-time order
/// (<c>track_commit_timestamp</c>, set by <see cref="ThrowawayPostgres"/>) and id order are counted beside it, for
/// comparison. On SQLite, with one writer, id order is commit order and is the order.
/// </summary>
internal static class CommitOrder
{
    /// <summary>Records each outbox row's inserting transaction; run once the hosts have migrated the database.</summary>
    public static void Install(BenchPaths paths)
    {
        if (!paths.Store.PostgreSql)
        {
            return;
        }

        using var c = paths.Store.Open();
        BenchDb.Exec(c, """
            CREATE TABLE IF NOT EXISTS bench_outbox_tx ("Id" bigint PRIMARY KEY, tx xid8 NOT NULL, seen pg_snapshot NOT NULL);
            CREATE OR REPLACE FUNCTION bench_outbox_tx() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN INSERT INTO bench_outbox_tx VALUES (NEW."Id", pg_current_xact_id(), pg_current_snapshot()); RETURN NEW; END $$;
            DROP TRIGGER IF EXISTS bench_outbox_tx ON "OutboxMessages";
            CREATE TRIGGER bench_outbox_tx AFTER INSERT ON "OutboxMessages" FOR EACH ROW EXECUTE FUNCTION bench_outbox_tx();
            """);
    }

    /// <summary>
    /// Messages sent before one their own transaction had seen committed to the same chat (the promise), and for
    /// comparison messages sent before one that committed earlier, or that has a lower id.
    /// </summary>
    public static (long Causal, long ByCommit, long ById) SentOutOfOrder(BenchPaths paths)
    {
        using var c = paths.Store.Open();
        var byId = BenchDb.Scalar(c, """
            SELECT COUNT(*) FROM (SELECT "SentAt", LAG("SentAt") OVER (PARTITION BY "Channel", "Recipient" ORDER BY "Id") AS "Before"
                                  FROM "OutboxMessages" WHERE "Status" = 'Sent') AS t
            WHERE "Before" > "SentAt"
            """);
        if (!paths.Store.PostgreSql)
        {
            return (byId, byId, byId);
        }

        // A fresh cluster's transaction ids are within the first epoch, so the xid8 → xid cast keeps them. Rows queued
        // before Install (the bench's own set-up) have no recorded transaction and are left out.
        var byCommit = BenchDb.Scalar(c, """
            SELECT COUNT(*) FROM (SELECT m."SentAt", LAG(m."SentAt") OVER (PARTITION BY m."Channel", m."Recipient"
                                      ORDER BY pg_xact_commit_timestamp(t.tx::text::xid), m."Id") AS "Before"
                                  FROM "OutboxMessages" m JOIN bench_outbox_tx t ON t."Id" = m."Id" WHERE m."Status" = 'Sent') AS x
            WHERE "Before" > "SentAt"
            """);

        // b came after a when b's insert saw a's transaction committed, or both are one transaction and b was inserted later.
        const string Violations = """
            FROM "OutboxMessages" a JOIN bench_outbox_tx ta ON ta."Id" = a."Id"
            JOIN "OutboxMessages" b ON b."Channel" = a."Channel" AND b."Recipient" = a."Recipient" AND b."Id" <> a."Id"
            JOIN bench_outbox_tx tb ON tb."Id" = b."Id"
            WHERE a."Status" = 'Sent' AND b."Status" = 'Sent' AND b."SentAt" < a."SentAt"
              AND ((ta.tx = tb.tx AND a."Id" < b."Id") OR (ta.tx <> tb.tx AND pg_visible_in_snapshot(ta.tx, tb.seen)))
            """;
        var causal = BenchDb.Scalar(c, $"SELECT COUNT(DISTINCT b.\"Id\") {Violations}");
        foreach (var line in BenchDb.Lines(c, $"""
            SELECT 'chat ' || a."Recipient" || ': ' || b."Id" || ' (tx ' || tb.tx || ') sent at ' || b."SentAt" || ' before ' || a."Id"
                   || ' (tx ' || ta.tx || ') sent at ' || a."SentAt" {Violations} ORDER BY b."Id" LIMIT 5
            """))
        {
            Console.WriteLine($"    out of order: {line}");
        }

        return (causal, byCommit, byId);
    }
}
