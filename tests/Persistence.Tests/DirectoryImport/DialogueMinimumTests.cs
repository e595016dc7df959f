using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence.DirectoryImport;
using ResidentBot.Persistence.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;

namespace ResidentBot.Persistence.Tests.DirectoryImport;

public abstract class DialogueMinimumTests(string provider)
{
    private const string WardLevel = "{\"level\": \"ward\", \"dialoguesPerYear\": 1}";

    [SkippableFact]
    public async Task Each_area_gets_its_own_minimum_of_dialogues_else_its_levels()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);

        await database.ImportAsync(TestDatabase.SamplePath);

        var minimums = await MinimumsAsync(database);
        Assert.Equal(1, minimums["HD.TPHD.TRANPHU"]);   // ward level
        Assert.Equal(1, minimums["HD.TPHD"]);           // district level
        Assert.Equal(2, minimums["HD.NS"]);             // Nam Sách asks more than the province
        Assert.Equal(2, minimums["HD.NS.NAMHONG"]);
    }

    [SkippableFact]
    public async Task An_area_may_require_none_and_a_level_left_out_requires_none()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var file = database.WriteDirectory("levels.json", json => json
            .Replace(WardLevel + ",", string.Empty, StringComparison.Ordinal)
            .Replace("\"code\": \"HD.NS.ANLAM\",", "\"code\": \"HD.NS.ANLAM\", \"dialoguesPerYear\": 0,", StringComparison.Ordinal)
            .Replace("\"dialoguesPerYear\": 2,\n      \"parent\": \"HD.NS\",\n      \"aliases\": [\"X. An Lâm\"", "\"parent\": \"HD.NS\",\n      \"aliases\": [\"X. An Lâm\"", StringComparison.Ordinal));

        await database.ImportAsync(file);

        var minimums = await MinimumsAsync(database);
        Assert.Null(minimums["HD.TPHD.TRANPHU"]);
        Assert.Equal(0, minimums["HD.NS.ANLAM"]);
    }

    [SkippableTheory]
    [InlineData("\"two\"", "$.areaLevels[2].dialoguesPerYear")]
    [InlineData("-1", "$.areaLevels[2].dialoguesPerYear")]
    [InlineData("99", "$.areaLevels[2].dialoguesPerYear")]
    public async Task A_malformed_minimum_names_the_file_line_path_and_field_and_leaves_the_database_unchanged(string value, string path)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var before = await database.DumpAsync();
        var broken = database.WriteDirectory("bad-minimum.json", json => json
            .Replace(WardLevel, $"{{\"level\": \"ward\", \"dialoguesPerYear\": {value}}}", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<DirectoryImportException>(() => database.ImportAsync(broken));

        var only = Assert.Single(error.Errors);
        Assert.Equal(("bad-minimum.json", path), (only.File, only.Path));
        Assert.Contains("must be a whole number of dialogues a year from 0 to 52", only.Message, StringComparison.Ordinal);
        Assert.Contains($"\"dialoguesPerYear\": {value}", File.ReadAllLines(broken)[only.Line!.Value - 1], StringComparison.Ordinal);
        Assert.Equal(before, await database.DumpAsync());
    }

    [SkippableFact]
    public async Task An_unknown_or_repeated_level_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var broken = database.WriteDirectory("bad-level.json", json => json
            .Replace(WardLevel, "{\"level\": \"village\", \"dialoguesPerYear\": 1}, {\"level\": \"commune\", \"dialoguesPerYear\": 3}", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<DirectoryImportException>(() => database.ImportAsync(broken));

        Assert.Equal(["$.areaLevels[2].level", "$.areaLevels[4].level"], error.Errors.Select(e => e.Path));
        Assert.Contains("'village' must be province, district, ward or commune", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("listed twice", error.Errors[1].Message, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, int?>> MinimumsAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>().Areas.AsNoTracking()
            .ToDictionaryAsync(a => a.Code, a => a.DialoguesPerYear);
    }
}

public sealed class DialogueMinimumTestsOnSqlite() : DialogueMinimumTests(Providers.Sqlite);

public sealed class DialogueMinimumTestsOnPostgreSql() : DialogueMinimumTests(Providers.PostgreSql);
