using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ResidentBot.Intake.Bench;

/// <summary>Raw reads and set-up writes on the host's database (SQLite in WAL, or PostgreSQL: readers do not block the host).</summary>
internal static class BenchDb
{
    public sealed record Counts(long Received, long Handled, long Failed, long Cases, long Outbox, long OutboxSent);

    public static Counts Read(BenchStore store)
    {
        using var c = store.Open();
        return new Counts(
            Scalar(c, "SELECT COUNT(*) FROM \"InboxEntries\""),
            Scalar(c, "SELECT COUNT(*) FROM \"InboxEntries\" WHERE \"Status\" = 'Handled'"),
            Scalar(c, "SELECT COUNT(*) FROM \"InboxEntries\" WHERE \"Status\" = 'Failed'"),
            Scalar(c, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Cases\""),
            Scalar(c, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"OutboxMessages\""),
            Scalar(c, "SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"Status\" <> 'Pending'"));
    }

    /// <summary>Binds the ward Trần Phú's officials to Telegram ids 9000+Id, as onboarding would; returns those ids.</summary>
    public static List<long> BindOfficials(BenchStore store)
    {
        using var c = store.Open();
        using (var insert = c.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO "OfficialIdentities" ("OfficialId", "Channel", "ExternalId", "ChatId", "CreatedAt")
                SELECT "Id", 'telegram', CAST(9000 + "Id" AS TEXT), CAST(9000 + "Id" AS TEXT), @t FROM "Officials" WHERE "Code" LIKE 'HD.TPHD.TRANPHU%'
                """;
            Add(insert, "@t", store.Time(TimeProvider.System.GetUtcNow()));
            insert.ExecuteNonQuery();
        }

        using var q = c.CreateCommand();
        q.CommandText = "SELECT \"ExternalId\" FROM \"OfficialIdentities\" WHERE \"Channel\" = 'telegram'";
        using var r = q.ExecuteReader();
        var ids = new List<long>();
        while (r.Read())
        {
            ids.Add(long.Parse(r.GetString(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return ids;
    }

    public static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>Bulk-inserts open cases (last year's codes, nothing due) so the intake runs against a full table.</summary>
    public static void FillCases(string path, int total)
    {
        using var c = Open(path);
        using var tx = c.BeginTransaction();
        var area = Scalar(c, "SELECT Id FROM Areas WHERE Code='HD.TPHD.TRANPHU'", tx);
        var category = Scalar(c, "SELECT Id FROM Categories WHERE Code='roads'", tx);
        var official = Scalar(c, "SELECT Id FROM Officials WHERE Code='HD.TPHD.TRANPHU.CT'", tx);
        var now = TimeProvider.System.GetUtcNow();
        Exec(c, $"INSERT INTO Residents (DisplayName, Language, CreatedAt) VALUES ('bulk', 'vi', {now.ToUnixTimeMilliseconds()})", tx);
        var resident = Scalar(c, "SELECT last_insert_rowid()", tx);
        using var insert = c.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"""
            INSERT INTO Cases (TrackingCode, CategoryId, AreaId, ResidentId, Description, AnonymousToOfficials, Status,
                AccountableOfficialId, CreatedAt, AcknowledgeDueAt, ResolveDueAt, AcknowledgedAt, EscalationLevel, NextChaseAt, Version)
            VALUES ($code, {category}, {area}, {resident}, 'bulk', 0, 'Acknowledged', {official}, $t, $t, $t, $t, 0, $next, 1)
            """;
        var code = insert.Parameters.Add("$code", SqliteType.Text);
        insert.Parameters.AddWithValue("$t", now.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$next", now.AddDays(30).ToUnixTimeMilliseconds());
        insert.Prepare();
        for (var i = 1; i <= total; i++)
        {
            code.Value = $"HD-2025-{i:D7}";
            insert.ExecuteNonQuery();
        }

        tx.Commit();
        Exec(c, "ANALYZE");
    }

    public static SqliteConnection Open(string path)
    {
        var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        Exec(c, "PRAGMA busy_timeout = 10000");
        return c;
    }

    public static long Scalar(DbConnection c, string sql, DbTransaction? tx = null)
    {
        using var q = c.CreateCommand();
        q.Transaction = tx;
        q.CommandText = sql;
        return Convert.ToInt64(q.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Exec(DbConnection c, string sql, DbTransaction? tx = null)
    {
        using var q = c.CreateCommand();
        q.Transaction = tx;
        q.CommandText = sql;
        q.ExecuteNonQuery();
    }

    /// <summary>The first column of each row, as text.</summary>
    public static List<string> Lines(DbConnection c, string sql)
    {
        using var q = c.CreateCommand();
        q.CommandText = sql;
        using var reader = q.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return lines;
    }
}
