using System.Diagnostics;
using Npgsql;

namespace ResidentBot.Intake.Bench;

/// <summary>
/// The storage ceiling on PostgreSQL: the rows text turns write (as <see cref="Scenarios"/>' SQLite ceiling: the
/// webhook's duplicate look-up and inserts, per turn the handled mark, the conversation and identity reads, the
/// conversation upsert and one reply, then the "sent" updates), <see cref="Batch"/> updates per transaction, written
/// with plain Npgsql on one connection: what the database takes when nothing else does any work.
/// </summary>
internal static class PostgresCeiling
{
    public const int Batch = 32;

    public static async Task<double> MeasureAsync(string connectionString, TimeSpan duration, CancellationToken ct)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync(ct);
        var payload = new string('x', 600);
        var now = TimeProvider.System.GetUtcNow();
        var count = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            string[] ids = [.. Enumerable.Range(0, Batch).Select(_ => $"ceiling-{Guid.NewGuid():N}")];
            var entries = new List<long>();
            await using (var tx = await c.BeginTransactionAsync(ct))
            {
                await RunAsync(c, """SELECT "ExternalId" FROM "InboxEntries" WHERE "Channel" = 'telegram' AND "ExternalId" = ANY($1)""", ct, (object)ids);
                foreach (var id in ids)
                {
                    entries.Add(await ScalarAsync(c, """
                        INSERT INTO "InboxEntries" ("Channel", "ExternalId", "Fingerprint", "ChatKey", "ReceivedAt", "Payload", "Status", "Attempts")
                        VALUES ('telegram', $1, '', $1, $2, $3, 'Pending', 0) RETURNING "Id"
                        """, ct, id, now, payload));
                }

                await tx.CommitAsync(ct);
            }

            var outbox = new List<long>();
            await using (var tx = await c.BeginTransactionAsync(ct))
            {
                foreach (var entry in entries)
                {
                    var chat = (700_000 + (count++ % 200)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await RunAsync(c, """UPDATE "InboxEntries" SET "Status" = 'Handled', "HandledAt" = $2, "Attempts" = 1 WHERE "Id" = $1 AND "Status" = 'Pending'""", ct, entry, now);
                    await RunAsync(c, """SELECT "Id" FROM "ConversationStates" WHERE "Channel" = 'telegram' AND "ChatId" = $1""", ct, chat);
                    await RunAsync(c, """SELECT "ResidentId" FROM "ResidentIdentities" WHERE "Channel" = 'telegram' AND "ExternalId" = $1""", ct, chat);
                    await RunAsync(c, """
                        INSERT INTO "ConversationStates" ("Channel", "ChatId", "Flow", "Step", "Data", "UpdatedAt", "Version") VALUES ('telegram', $1, 'report', 'where', $2, $3, 0)
                        ON CONFLICT ("Channel", "ChatId") DO UPDATE SET "Step" = excluded."Step", "Data" = excluded."Data", "UpdatedAt" = excluded."UpdatedAt", "Version" = "ConversationStates"."Version" + 1
                        """, ct, chat, payload[..300], now);
                    outbox.Add(await ScalarAsync(c, """
                        INSERT INTO "OutboxMessages" ("Channel", "Recipient", "Payload", "Status", "Attempts", "NextAttemptAt", "CreatedAt")
                        VALUES ('telegram', $1, $2, 'Pending', 0, $3, $3) RETURNING "Id"
                        """, ct, chat, payload, now));
                }

                await tx.CommitAsync(ct);
            }

            await using (var tx = await c.BeginTransactionAsync(ct))
            {
                foreach (var message in outbox)
                {
                    await RunAsync(c, """UPDATE "OutboxMessages" SET "Status" = 'Sent', "SentAt" = $2, "Attempts" = 1, "ExternalMessageId" = '1' WHERE "Id" = $1""", ct, message, now);
                }

                await tx.CommitAsync(ct);
            }
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task RunAsync(NpgsqlConnection c, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = Command(c, sql, values);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection c, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = Command(c, sql, values);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static NpgsqlCommand Command(NpgsqlConnection c, string sql, object[] values)
    {
        var command = new NpgsqlCommand(sql, c);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
