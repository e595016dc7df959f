using Microsoft.Data.Sqlite;

namespace ResidentBot.Chase.Bench;

/// <summary>Bulk data with raw Microsoft.Data.Sqlite: one transaction, prepared commands.</summary>
internal static class BenchData
{
    /// <param name="overdue">Due cases are past their resolve deadline (escalation, progress request, resident notice)
    /// instead of at their 50% reminder.</param>
    public static void Fill(string path, int total, int due, DateTimeOffset now, bool overdue = false)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var tx = connection.BeginTransaction();
        var ids = Scalars(connection, tx,
            "SELECT Id FROM Areas WHERE Code='HD.TPHD.TRANPHU'", "SELECT Id FROM Categories WHERE Code='roads'",
            "SELECT Id FROM Officials WHERE Code='HD.TPHD.TRANPHU.CT'");
        Exec(connection, tx, $"INSERT INTO OfficialIdentities (OfficialId, Channel, ExternalId, ChatId, CreatedAt) VALUES ({ids[2]}, 'telegram', '9001', '9001', 0)");
        Exec(connection, tx, $"INSERT INTO Residents (DisplayName, Language, CreatedAt) VALUES ('bench', 'vi', {now.ToUnixTimeMilliseconds()})");
        var resident = Scalars(connection, tx, "SELECT last_insert_rowid()")[0];
        Exec(connection, tx, $"INSERT INTO ResidentIdentities (ResidentId, Channel, ExternalId) VALUES ({resident}, 'telegram', '5001')");
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO Cases (TrackingCode, CategoryId, AreaId, ResidentId, Description, AnonymousToOfficials, Status,
                AccountableOfficialId, CreatedAt, AcknowledgeDueAt, ResolveDueAt, AcknowledgedAt, EscalationLevel, NextChaseAt, Version)
            VALUES ($code, $category, $area, $resident, 'bench', 0, 'Acknowledged', $official, $created, $ack, $resolve, $created, 0, $next, 1)
            """;
        var p = new[] { "$code", "$category", "$area", "$resident", "$official", "$created", "$ack", "$resolve", "$next" }
            .ToDictionary(n => n, n => insert.Parameters.Add(n, SqliteType.Text));
        insert.Prepare();
        for (var i = 1; i <= total; i++)
        {
            // Due cases were created 11 working days ago with a 20-day deadline: their 50% reminder is due now;
            // overdue ones were created 40 days ago, so their resolve deadline passed 12 days ago.
            var created = i > due ? now : overdue ? now.AddDays(-40) : now.AddDays(-16);
            p["$code"].Value = $"HD-2026-{i:D7}";
            p["$category"].Value = ids[1];
            p["$area"].Value = ids[0];
            p["$resident"].Value = resident;
            p["$official"].Value = ids[2];
            p["$created"].Value = created.ToUnixTimeMilliseconds();
            p["$ack"].Value = created.AddHours(8).ToUnixTimeMilliseconds();
            p["$resolve"].Value = created.AddDays(28).ToUnixTimeMilliseconds();
            p["$next"].Value = (i <= due ? now.AddMinutes(-1) : now.AddDays(10)).ToUnixTimeMilliseconds();
            insert.ExecuteNonQuery();
        }

        tx.Commit();
        Exec(connection, null, "ANALYZE");
    }

    /// <summary>Makes the first <paramref name="due"/> cases due again and forgets what the last run sent.</summary>
    public static void ResetDue(string path, int due, DateTimeOffset now)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var tx = connection.BeginTransaction();
        Exec(connection, tx, $"UPDATE Cases SET NextChaseAt = {now.AddMinutes(-1).ToUnixTimeMilliseconds()}, EscalationLevel = 0, LastEscalatedAt = NULL WHERE Id <= {due}");
        Exec(connection, tx, "DELETE FROM CaseEvents");
        Exec(connection, tx, "DELETE FROM OutboxMessages");
        tx.Commit();
    }

    private static void Exec(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<long> Scalars(SqliteConnection connection, SqliteTransaction tx, params string[] queries) =>
        [.. queries.Select(sql =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            return (long)command.ExecuteScalar()!;
        })];
}
