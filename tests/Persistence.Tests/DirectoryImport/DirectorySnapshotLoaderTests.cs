using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence.DirectoryImport;
using ResidentBot.Persistence.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Persistence.Tests.DirectoryImport;

public abstract class DirectorySnapshotLoaderTests(string provider)
{
    [SkippableFact]
    public async Task The_snapshot_holds_the_sample_directory_with_its_navigations_wired()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var loader = database.Services.GetRequiredService<DirectorySnapshotLoader>();

        var snapshot = await loader.GetAsync(CancellationToken.None);

        Assert.Equal(19, snapshot.Areas.Count);
        Assert.Equal(43, snapshot.Officials.Count);
        Assert.Equal("Asia/Ho_Chi_Minh", snapshot.Calendar.TimeZoneId);
        Assert.Equal("07:30-11:30,13:30-17:00", snapshot.Calendar.OfficeHours);
        Assert.Equal(7, snapshot.Categories.Count);
        Assert.Equal("lighting", snapshot.Categories[0].Code);
        var ward = snapshot.AreasByCode["HD.TPHD.TRANPHU"];
        Assert.Equal(["HD.TPHD.TRANPHU", "HD.TPHD", "HD"], snapshot.SelfAndAncestors(ward.Id).Select(a => a.Code));
        var leader = snapshot.Posts.Single(p => p.AreaId == ward.Id && p.Kind == PostKind.Leader);
        Assert.Equal("Chủ tịch UBND phường Trần Phú", leader.Official!.Title);
        Assert.Contains(leader, leader.Official.Posts);
        Assert.Contains(snapshot.Posts, p => p.AreaId == ward.Id && p.Kind == PostKind.Specialist && p.CategoryCode == "construction");
    }

    [SkippableFact]
    public async Task The_snapshot_is_cached_until_an_import_invalidates_it()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var loader = database.Services.GetRequiredService<DirectorySnapshotLoader>();
        var first = await loader.GetAsync(CancellationToken.None);
        Assert.Same(first, await loader.GetAsync(CancellationToken.None));

        await database.ImportAsync(database.WriteDirectory("renamed.json", json =>
            json.Replace("\"Phường Việt Hòa\"", "\"Phường Việt Hoà\"", StringComparison.Ordinal)));

        var second = await loader.GetAsync(CancellationToken.None);
        Assert.NotSame(first, second);
        Assert.Equal("Phường Việt Hoà", second.AreasByCode["HD.TPHD.VIETHOA"].Name);
    }
}

public sealed class DirectorySnapshotLoaderTestsOnSqlite() : DirectorySnapshotLoaderTests(Providers.Sqlite);

public sealed class DirectorySnapshotLoaderTestsOnPostgreSql() : DirectorySnapshotLoaderTests(Providers.PostgreSql);
