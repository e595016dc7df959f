using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Persistence.Tests.Cases;

public abstract class CaseReassignmentStorageTests(string provider)
{
    [SkippableFact]
    public async Task A_transfer_saved_with_the_old_official_area_and_category_loaded_keeps_the_new_ones()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        long id;
        int newOfficial, newArea, newCategory;
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            id = await CaseFactory.SaveAssignedCaseAsync(db);
            newOfficial = (await db.Officials.SingleAsync(o => o.Code == "HD.TPHD.QUANGTRUNG.CT")).Id;
            newArea = (await db.Areas.SingleAsync(a => a.Code == "HD.TPHD.QUANGTRUNG")).Id;
            newCategory = (await db.Categories.SingleAsync(c => c.Code == "roads")).Id;
        }

        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            var loaded = await db.Cases.Include(c => c.AccountableOfficial).Include(c => c.Area).Include(c => c.Category)
                .SingleAsync(c => c.Id == id);
            var at = CaseFactory.Now.AddHours(1);
            loaded.Transfer(Actor.Official(loaded.AccountableOfficialId!.Value), "wrong ward", newArea, newCategory,
                new Assignment(newOfficial, "moved", at.AddHours(8), at.AddDays(5)), at);
            await db.SaveChangesAsync();
        }

        await using var check = database.Scope();
        var reread = await check.ServiceProvider.GetRequiredService<ResidentBotDbContext>().Cases.SingleAsync(c => c.Id == id);
        Assert.Equal((newOfficial, newArea, newCategory), (reread.AccountableOfficialId!.Value, reread.AreaId, reread.CategoryId));
    }

    [SkippableFact]
    public async Task Routing_reasons_are_stored_as_data_and_a_case_saved_without_them_reads_back_without_them()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        long id;
        RoutingReason[] reasons = [RoutingReason.TransferredBy("Chủ tịch UBND phường Trần Phú", "Sai địa bàn"), new(RoutingReason.Leader, ["Phường Quang Trung"])];
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            id = await CaseFactory.SaveAssignedCaseAsync(db);
            Assert.Null((await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id)).RoutingReasons);
            var loaded = await db.Cases.SingleAsync(c => c.Id == id);
            var official = (await db.Officials.SingleAsync(o => o.Code == "HD.TPHD.QUANGTRUNG.CT")).Id;
            var area = (await db.Areas.SingleAsync(a => a.Code == "HD.TPHD.QUANGTRUNG")).Id;
            var at = CaseFactory.Now.AddHours(1);
            loaded.Transfer(Actor.Official(loaded.AccountableOfficialId!.Value), "Sai địa bàn", area, loaded.CategoryId,
                new Assignment(official, "moved", at.AddHours(8), at.AddDays(5), reasons), at);
            await db.SaveChangesAsync();
        }

        await using var check = database.Scope();
        var reread = await check.ServiceProvider.GetRequiredService<ResidentBotDbContext>().Cases.SingleAsync(c => c.Id == id);
        Assert.Equal(reasons, reread.RoutingReasons!);
        Assert.Equal("moved", reread.RoutingExplanation);
    }
}

public sealed class CaseReassignmentStorageTestsOnSqlite() : CaseReassignmentStorageTests(Providers.Sqlite);

public sealed class CaseReassignmentStorageTestsOnPostgreSql() : CaseReassignmentStorageTests(Providers.PostgreSql);
