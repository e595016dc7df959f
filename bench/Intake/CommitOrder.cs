namespace ResidentBot.Intake.Bench;

/// <summary>
/// The order a chat's messages were queued in, on PostgreSQL. An outbox row's id comes from a sequence when its insert
/// runs, not when its transaction commits: two turns on two hosts writing to one chat at once (a resident's own turn,
/// and an official's reply that notifies them) can commit in the opposite order of their ids, and the sender can only
/// send what is committed. So on PostgreSQL a message is "queued" when its transaction commits: a trigger records each
/// row's inserting transaction, and the server keeps commit times (<c>track_commit_timestamp</c>, set by
/// <see cref="ThrowawayPostgres"/>). On SQLite, with one writer, id order is commit order.
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
            CREATE TABLE IF NOT EXISTS bench_outbox_tx ("Id" bigint PRIMARY KEY, tx xid8 NOT NULL);
            CREATE OR REPLACE FUNCTION bench_outbox_tx() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN INSERT INTO bench_outbox_tx VALUES (NEW."Id", pg_current_xact_id()); RETURN NEW; END $$;
            DROP TRIGGER IF EXISTS bench_outbox_tx ON "OutboxMessages";
            CREATE TRIGGER bench_outbox_tx AFTER INSERT ON "OutboxMessages" FOR EACH ROW EXECUTE FUNCTION bench_outbox_tx();
            """);
    }

    /// <summary>Messages sent before one queued (committed) before them to the same chat: by commit order, and by id order for comparison.</summary>
    public static (long ByCommit, long ById) SentOutOfOrder(BenchPaths paths)
    {
        using var c = paths.Store.Open();
        var byId = BenchDb.Scalar(c, """
            SELECT COUNT(*) FROM (SELECT "SentAt", LAG("SentAt") OVER (PARTITION BY "Channel", "Recipient" ORDER BY "Id") AS "Before"
                                  FROM "OutboxMessages" WHERE "Status" = 'Sent') AS t
            WHERE "Before" > "SentAt"
            """);
        if (!paths.Store.PostgreSql)
        {
            return (byId, byId);
        }

        // A fresh cluster's transaction ids are within the first epoch, so the xid8 → xid cast keeps them. Rows queued
        // before Install (the bench's own set-up) have no recorded transaction and are left out.
        var byCommit = BenchDb.Scalar(c, """
            SELECT COUNT(*) FROM (SELECT m."SentAt", LAG(m."SentAt") OVER (PARTITION BY m."Channel", m."Recipient"
                                      ORDER BY pg_xact_commit_timestamp(t.tx::text::xid), m."Id") AS "Before"
                                  FROM "OutboxMessages" m JOIN bench_outbox_tx t ON t."Id" = m."Id" WHERE m."Status" = 'Sent') AS x
            WHERE "Before" > "SentAt"
            """);
        return (byCommit, byId);
    }
}
