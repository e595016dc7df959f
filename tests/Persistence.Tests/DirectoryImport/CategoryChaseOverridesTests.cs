using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence.DirectoryImport;
using ResidentBot.Persistence.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;
using ResidentBot.Routing.Categories;

namespace ResidentBot.Persistence.Tests.DirectoryImport;

public abstract class CategoryChaseOverridesTests(string provider)
{
    private const string Lighting =
        "{\"code\": \"lighting\", \"nameVi\": \"Chiếu sáng công cộng\", \"nameEn\": \"Street lighting\", \"acknowledgeWithin\": \"8h\", \"resolveWithin\": \"5d\"";

    private const string Drainage =
        "{\"code\": \"drainage\", \"nameVi\": \"Thoát nước, ngập úng\", \"nameEn\": \"Drainage and flooding\", \"acknowledgeWithin\": \"4h\", \"resolveWithin\": \"48h\", \"roundTheClock\": true";

    /// <summary>Office hours 07:30-11:30 and 13:30-17:00: a working day is 7h30.</summary>
    private static readonly TimeSpan WorkingDay = TimeSpan.FromHours(7.5);

    [SkippableFact]
    public async Task Chase_overrides_of_a_category_import_with_escalation_in_its_clock_and_the_rest_in_calendar_time()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var file = database.WriteDirectory("overrides.json", json => json
            .Replace(Lighting, Lighting + ", \"escalateEvery\": \"2d\", \"progressEvery\": \"3d\", \"autoCloseAfter\": \"10d\"", StringComparison.Ordinal)
            .Replace(Drainage, Drainage + ", \"escalateEvery\": \"1d\", \"progressEvery\": \"12h\"", StringComparison.Ordinal));

        await database.ImportAsync(file);

        var lighting = await CategoryAsync(database, "lighting");
        Assert.Equal(2 * WorkingDay, lighting.EscalateEvery);
        Assert.Equal(TimeSpan.FromDays(3), lighting.ProgressEvery);
        Assert.Equal(TimeSpan.FromDays(10), lighting.AutoCloseAfter);
        var drainage = await CategoryAsync(database, "drainage");
        Assert.Equal(TimeSpan.FromDays(1), drainage.EscalateEvery); // round the clock: a day is 24 hours
        Assert.Equal(TimeSpan.FromHours(12), drainage.ProgressEvery);
        Assert.Null(drainage.AutoCloseAfter);
        var waste = await CategoryAsync(database, "waste");
        Assert.Equal((null, null, null), (waste.EscalateEvery, waste.ProgressEvery, waste.AutoCloseAfter));
    }

    [SkippableFact]
    public async Task Reimporting_changed_overrides_updates_the_category_in_place_and_a_removed_override_falls_back_to_the_default()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var first = database.WriteDirectory("first.json", json => json
            .Replace(Lighting, Lighting + ", \"escalateEvery\": \"2d\", \"progressEvery\": \"3d\", \"autoCloseAfter\": \"10d\"", StringComparison.Ordinal));
        await database.ImportAsync(first);
        var id = (await CategoryAsync(database, "lighting")).Id;
        var categories = await CountAsync(database);

        var second = database.WriteDirectory("second.json", json => json
            .Replace(Lighting, Lighting + ", \"progressEvery\": \"5d\", \"autoCloseAfter\": \"14d\"", StringComparison.Ordinal));
        await database.ImportAsync(second);

        var lighting = await CategoryAsync(database, "lighting");
        Assert.Equal(id, lighting.Id);
        Assert.Null(lighting.EscalateEvery);
        Assert.Equal(TimeSpan.FromDays(5), lighting.ProgressEvery);
        Assert.Equal(TimeSpan.FromDays(14), lighting.AutoCloseAfter);
        Assert.Equal(categories, await CountAsync(database));

        await database.ImportAsync(TestDatabase.SamplePath);
        var plain = await CategoryAsync(database, "lighting");
        Assert.Equal((id, null, null, null), (plain.Id, plain.EscalateEvery, plain.ProgressEvery, plain.AutoCloseAfter));
    }

    [SkippableTheory]
    [InlineData("escalateEvery")]
    [InlineData("progressEvery")]
    [InlineData("autoCloseAfter")]
    public async Task A_malformed_override_names_the_file_line_path_and_field_and_leaves_the_database_unchanged(string field)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var before = await database.DumpAsync();
        var broken = database.WriteDirectory("bad-override.json", json => json
            .Replace(Lighting, Lighting + $", \"{field}\": \"every week\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<DirectoryImportException>(() => database.ImportAsync(broken));

        var only = Assert.Single(error.Errors);
        Assert.Equal("bad-override.json", only.File);
        Assert.Equal($"$.categories[0].{field}", only.Path);
        Assert.Contains("'every week' is not a duration", only.Message, StringComparison.Ordinal);
        Assert.NotNull(only.Line);
        Assert.Contains($"\"{field}\": \"every week\"", File.ReadAllLines(broken)[only.Line!.Value - 1], StringComparison.Ordinal);
        Assert.Contains($"bad-override.json:{only.Line}: $.categories[0].{field}", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await database.DumpAsync());
    }

    private static async Task<Category> CategoryAsync(TestDatabase database, string code)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>().Categories.AsNoTracking().SingleAsync(c => c.Code == code);
    }

    private static async Task<int> CountAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>().Categories.CountAsync();
    }
}

public sealed class CategoryChaseOverridesTestsOnSqlite() : CategoryChaseOverridesTests(Providers.Sqlite);

public sealed class CategoryChaseOverridesTestsOnPostgreSql() : CategoryChaseOverridesTests(Providers.PostgreSql);
