using Microsoft.Data.Sqlite;

namespace ResidentBot.Intake.Bench;

/// <summary>Raw reads and set-up writes on the host's SQLite file (WAL: readers do not block the host).</summary>
internal static class BenchDb
{
    public sealed record Counts(long Received, long Handled, long Failed, long Cases, long Outbox, long OutboxSent);

    public static Counts Read(string path)
    {
        using var c = Open(path);
        return new Counts(
            Scalar(c, "SELECT COUNT(*) FROM InboxEntries"),
            Scalar(c, "SELECT COUNT(*) FROM InboxEntries WHERE Status = 'Handled'"),
            Scalar(c, "SELECT COUNT(*) FROM InboxEntries WHERE Status = 'Failed'"),
            Scalar(c, "SELECT IFNULL(MAX(Id), 0) FROM Cases"),
            Scalar(c, "SELECT IFNULL(MAX(Id), 0) FROM OutboxMessages"),
            Scalar(c, "SELECT COUNT(*) FROM OutboxMessages WHERE Status <> 'Pending'"));
    }

    /// <summary>Binds the ward Trần Phú's officials to Telegram ids 9000+Id, as onboarding would; returns those ids.</summary>
    public static List<long> BindOfficials(string path)
    {
        using var c = Open(path);
        Exec(c, "INSERT INTO OfficialIdentities (OfficialId, Channel, ExternalId, ChatId, CreatedAt) "
            + "SELECT Id, 'telegram', CAST(9000 + Id AS TEXT), CAST(9000 + Id AS TEXT), 0 FROM Officials WHERE Code LIKE 'HD.TPHD.TRANPHU%'");
        using var q = c.CreateCommand();
        q.CommandText = "SELECT CAST(ExternalId AS INTEGER) FROM OfficialIdentities WHERE Channel = 'telegram'";
        using var r = q.ExecuteReader();
        var ids = new List<long>();
        while (r.Read())
        {
            ids.Add(r.GetInt64(0));
        }

        return ids;
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

    public static long Scalar(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var q = c.CreateCommand();
        q.Transaction = tx;
        q.CommandText = sql;
        return Convert.ToInt64(q.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var q = c.CreateCommand();
        q.Transaction = tx;
        q.CommandText = sql;
        q.ExecuteNonQuery();
    }
}
