using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence.DirectoryImport;
using ResidentBot.Persistence.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;

namespace ResidentBot.Persistence.Tests.DirectoryImport;

public abstract class DirectoryIdentitiesTests(string provider)
{
    private const string TranPhu = "\"fullName\": \"Đặng Văn Khải\",";
    private const string NguyenTrai = "\"fullName\": \"Lương Thị Huyền\",";

    [SkippableFact]
    public async Task An_official_s_identities_per_channel_and_the_older_telegram_user_id_become_identity_rows()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var file = database.WriteDirectory("identities.json", json => json
            .Replace(TranPhu, TranPhu + " \"identities\": {\"telegram\": 1001, \"zalo\": \"4567890123456789\"},", StringComparison.Ordinal)
            .Replace(NguyenTrai, NguyenTrai + " \"telegramUserId\": 1002,", StringComparison.Ordinal));

        await database.ImportAsync(file);
        await database.ImportAsync(file);

        Assert.Equal(
            [("HD.TPHD.NGUYENTRAI.CT", "telegram", "1002", "1002"), ("HD.TPHD.TRANPHU.CT", "telegram", "1001", "1001"),
             ("HD.TPHD.TRANPHU.CT", "zalo", "4567890123456789", "4567890123456789")],
            await IdentitiesAsync(database));
    }

    [SkippableFact]
    public async Task A_file_without_an_official_s_identity_keeps_the_one_an_invite_bound_and_a_changed_one_replaces_it()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await database.ImportAsync(database.WriteDirectory("first.json", json =>
            json.Replace(TranPhu, TranPhu + " \"identities\": {\"telegram\": \"1001\", \"zalo\": \"z-1\"},", StringComparison.Ordinal)));

        await database.ImportAsync(database.WriteDirectory("second.json", json =>
            json.Replace(TranPhu, TranPhu + " \"identities\": {\"zalo\": \"z-2\"},", StringComparison.Ordinal)));

        Assert.Equal(
            [("HD.TPHD.TRANPHU.CT", "telegram", "1001", "1001"), ("HD.TPHD.TRANPHU.CT", "zalo", "z-2", "z-2")],
            await IdentitiesAsync(database));
    }

    public static TheoryData<string, string, string, string> Refused => new()
    {
        { TranPhu + " \"identities\": {\"viber\": \"1\"},", "", "$.officials[?].identities.viber", "unknown channel 'viber'" },
        { TranPhu + " \"identities\": {\"telegram\": \"abc\"},", "", "$.officials[?].identities.telegram", "not a positive Telegram user id" },
        { TranPhu + " \"identities\": {\"zalo\": true},", "", "$.officials[?].identities.zalo", "must be the channel's user id" },
        { TranPhu + " \"telegramUserId\": 1001, \"identities\": {\"telegram\": \"1002\"},", "", "$.officials[?].identities.telegram", "differs from telegramUserId" },
        { TranPhu + " \"identities\": {\"zalo\": \"same\"},", NguyenTrai + " \"identities\": {\"zalo\": \"same\"},", "$.officials[?].identities.zalo", "one account belongs to one official" },
    };

    [SkippableTheory]
    [MemberData(nameof(Refused))]
    public async Task A_bad_identity_names_the_file_line_and_field_and_changes_nothing(string tranPhu, string nguyenTrai, string path, string message)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var before = await database.DumpAsync();
        var file = database.WriteDirectory("bad-identity.json", json =>
        {
            var edited = json.Replace(TranPhu, tranPhu, StringComparison.Ordinal);
            return nguyenTrai.Length == 0 ? edited : edited.Replace(NguyenTrai, nguyenTrai, StringComparison.Ordinal);
        });

        var error = await Assert.ThrowsAsync<DirectoryImportException>(() => database.ImportAsync(file));

        var only = Assert.Single(error.Errors);
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(path).Replace(@"\?", @"\d+", StringComparison.Ordinal) + "$", only.Path);
        Assert.Contains(message, only.Message, StringComparison.Ordinal);
        Assert.Equal("bad-identity.json", only.File);
        var line = File.ReadAllLines(file)[only.Line!.Value - 1];
        Assert.Contains("identities", line, StringComparison.Ordinal);
        Assert.Equal(before, await database.DumpAsync());
    }

    [SkippableFact]
    public async Task An_account_an_invite_bound_to_another_official_is_refused_and_stays_where_it_is()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await database.ImportAsync(database.WriteDirectory("first.json", json =>
            json.Replace(NguyenTrai, NguyenTrai + " \"identities\": {\"telegram\": \"1001\"},", StringComparison.Ordinal)));

        var error = await Assert.ThrowsAsync<DirectoryImportException>(() => database.ImportAsync(database.WriteDirectory("second.json", json =>
            json.Replace(TranPhu, TranPhu + " \"identities\": {\"telegram\": \"1001\"},", StringComparison.Ordinal))));

        Assert.Contains("is bound to official HD.TPHD.NGUYENTRAI.CT", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
        Assert.Equal([("HD.TPHD.NGUYENTRAI.CT", "telegram", "1001", "1001")], await IdentitiesAsync(database));
    }

    [SkippableFact]
    public async Task The_migration_moves_telegram_ids_and_web_chat_accounts_into_identity_rows()
    {
        // A SQLite-only migration: PostgreSQL's history starts after it.
        Skip.If(provider != Providers.Sqlite, "SQLite's data move (Issue11ChannelIdentities); PostgreSQL's migrations start after it.");
        await using var database = await TestDatabase.CreateAsync(importSample: false, provider: provider);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database.FilePath}");
        await connection.OpenAsync();
        await ExecAsync(connection, "DELETE FROM __EFMigrationsHistory WHERE MigrationId LIKE '%_Issue11ChannelIdentities'");
        await ExecAsync(connection, "DROP TABLE OfficialIdentities");
        await ExecAsync(connection, "ALTER TABLE Officials ADD COLUMN TelegramUserId INTEGER NULL; CREATE UNIQUE INDEX IX_Officials_TelegramUserId ON Officials (TelegramUserId)");
        await ExecAsync(connection, "CREATE TABLE OfficialChannelIdentities (Id INTEGER PRIMARY KEY AUTOINCREMENT, OfficialId INTEGER NOT NULL, "
            + "Channel TEXT NOT NULL, ExternalId TEXT NOT NULL, ChatId TEXT NOT NULL, CreatedAt INTEGER NOT NULL)");
        foreach (var column in new[] { "ChatId", "LastInteractionAt", "UnreachableReason", "UnreachableSince" })
        {
            await ExecAsync(connection, $"ALTER TABLE ResidentIdentities DROP COLUMN {column}");
        }

        await ExecAsync(connection, "DROP INDEX IX_OutboxMessages_OfficialId_Status; DROP INDEX IX_OutboxMessages_ResidentId_Status; "
            + "ALTER TABLE OutboxMessages DROP COLUMN OfficialId; ALTER TABLE OutboxMessages DROP COLUMN ResidentId");
        await ExecAsync(connection, "INSERT INTO Officials (Code, FullName, Title, TelegramUserId) VALUES ('A', 'A', 'A', 1001), ('B', 'B', 'B', NULL)");
        await ExecAsync(connection, "INSERT INTO OfficialChannelIdentities (OfficialId, Channel, ExternalId, ChatId, CreatedAt) "
            + "SELECT Id, 'webchat', 'dl_b', 'dl_b', 5 FROM Officials WHERE Code = 'B'");
        await connection.CloseAsync();

        await using (var scope = database.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>().Database.MigrateAsync();
        }

        Assert.Equal([("A", "telegram", "1001", "1001"), ("B", "webchat", "dl_b", "dl_b")], await IdentitiesAsync(database));
    }

    private static async Task ExecAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<(string, string, string, string)>> IdentitiesAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var rows = await (from i in db.OfficialIdentities join o in db.Officials on i.OfficialId equals o.Id
                          select new { o.Code, i.Channel, i.ExternalId, i.ChatId }).ToListAsync();
        return [.. rows.Select(r => (r.Code, r.Channel, r.ExternalId, r.ChatId)).Order()];
    }
}

public sealed class DirectoryIdentitiesTestsOnSqlite() : DirectoryIdentitiesTests(Providers.Sqlite);

public sealed class DirectoryIdentitiesTestsOnPostgreSql() : DirectoryIdentitiesTests(Providers.PostgreSql);
