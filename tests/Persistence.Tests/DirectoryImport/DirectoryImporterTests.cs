using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Persistence.Tests.DirectoryImport;

public abstract class DirectoryImporterTests(string provider)
{
    [SkippableFact]
    public async Task The_sample_directory_imports_its_areas_officials_categories_and_holidays()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();

        Assert.Equal(19, await db.Areas.CountAsync());
        Assert.Equal(43, await db.Officials.CountAsync());
        Assert.Equal(22, await db.Holidays.CountAsync());
        var ward = await db.Areas.Include(a => a.Parent).SingleAsync(a => a.Code == "HD.TPHD.TRANPHU");
        Assert.Equal("HD.TPHD", ward.Parent!.Code);
        Assert.Contains("phuong Tran Phu", ward.Aliases);
        var drainage = await db.Categories.SingleAsync(c => c.Code == "drainage");
        Assert.Equal((TimeSpan.FromHours(4), TimeSpan.FromHours(48), true), (drainage.AcknowledgeWithin, drainage.ResolveWithin, drainage.RoundTheClock));
    }

    [SkippableFact]
    public async Task Days_of_an_office_time_category_are_working_days_of_office_time()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();

        // waste: "8h" and "5d" with office hours 07:30-11:30 and 13:30-17:00 (7h30 a day).
        var waste = await db.Categories.SingleAsync(c => c.Code == "waste");

        Assert.Equal(TimeSpan.FromHours(8), waste.AcknowledgeWithin);
        Assert.Equal(TimeSpan.FromHours(5 * 7.5), waste.ResolveWithin);
    }

    [SkippableFact]
    public async Task Importing_the_same_file_twice_leaves_every_row_and_id_as_it_was()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var before = await database.DumpAsync();

        await database.ImportAsync(TestDatabase.SamplePath);

        Assert.Equal(before, await database.DumpAsync());
    }

    [SkippableFact]
    public async Task Editing_a_name_and_adding_an_alias_updates_the_area_in_place()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        int id;
        await using (var scope = database.Scope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>().Areas.SingleAsync(a => a.Code == "HD.TPHD.TRANPHU")).Id;
        }

        var edited = database.WriteDirectory("edited.json", json => json
            .Replace("\"name\": \"Phường Trần Phú\"", "\"name\": \"Phường Trần Phú (mới)\"", StringComparison.Ordinal)
            .Replace("\"phuong Tran Phu\", ", "\"phuong Tran Phu\", \"TP ward\", ", StringComparison.Ordinal));
        await database.ImportAsync(edited);

        await using var check = database.Scope();
        var db = check.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var area = await db.Areas.SingleAsync(a => a.Code == "HD.TPHD.TRANPHU");
        Assert.Equal(id, area.Id);
        Assert.Equal("Phường Trần Phú (mới)", area.Name);
        Assert.Contains("TP ward", area.Aliases);
        Assert.Equal(19, await db.Areas.CountAsync());
    }

    [SkippableFact]
    public async Task A_telegram_id_bound_by_onboarding_survives_a_reimport_that_lacks_it()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            (await db.Officials.SingleAsync(o => o.Code == "HD.TPHD.TRANPHU.CT")).Identities.Add(
                new OfficialIdentity { Channel = "telegram", ExternalId = "4242", ChatId = "4242" });
            await db.SaveChangesAsync();
        }

        await database.ImportAsync(TestDatabase.SamplePath);

        await using var check = database.Scope();
        var official = await check.ServiceProvider.GetRequiredService<ResidentBotDbContext>().Officials.Include(o => o.Identities)
            .SingleAsync(o => o.Code == "HD.TPHD.TRANPHU.CT");
        Assert.Equal(("telegram", "4242"), official.Identities.Select(i => (i.Channel, i.ExternalId)).Single());
    }

    [SkippableFact]
    public async Task An_official_removed_from_the_file_loses_his_posts_but_keeps_his_row_while_a_case_names_him()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await using (var scope = database.Scope())
        {
            await CaseFactory.SaveAssignedCaseAsync(scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>());
        }

        var edited = database.WriteDirectory("without-leaders.json", json => json
            .Replace("\"code\": \"HD.TPHD.TRANPHU.CT\"", "\"code\": \"HD.TPHD.TRANPHU.CT2\"", StringComparison.Ordinal)
            .Replace("\"code\": \"HD.TPHD.QUANGTRUNG.CT\"", "\"code\": \"HD.TPHD.QUANGTRUNG.CT2\"", StringComparison.Ordinal));
        await database.ImportAsync(edited);

        await using var check = database.Scope();
        var db = check.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var retired = await db.Officials.Include(o => o.Posts).SingleAsync(o => o.Code == "HD.TPHD.TRANPHU.CT");
        Assert.Empty(retired.Posts);
        Assert.False(await db.Officials.AnyAsync(o => o.Code == "HD.TPHD.QUANGTRUNG.CT"));
        Assert.Single(await db.Posts.Where(p => p.Official!.Code == "HD.TPHD.QUANGTRUNG.CT2").ToListAsync());
    }

    [SkippableFact]
    public async Task An_area_that_cases_use_cannot_be_removed_and_the_database_stays_unchanged()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await using (var scope = database.Scope())
        {
            await CaseFactory.SaveAssignedCaseAsync(scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>());
        }

        var before = await database.DumpAsync();
        var edited = database.WriteDirectory("renamed-code.json", json => json
            .Replace("\"HD.TPHD.TRANPHU\"", "\"HD.TPHD.TRANPHU2\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ResidentBot.Persistence.DirectoryImport.DirectoryImportException>(() => database.ImportAsync(edited));

        Assert.Contains("'HD.TPHD.TRANPHU' is missing from the file but cases use it", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await database.DumpAsync());
    }
}

public sealed class DirectoryImporterTestsOnSqlite() : DirectoryImporterTests(Providers.Sqlite);

public sealed class DirectoryImporterTestsOnPostgreSql() : DirectoryImporterTests(Providers.PostgreSql);
