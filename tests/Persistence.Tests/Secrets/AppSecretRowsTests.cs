using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence.Secrets;
using ResidentBot.Persistence.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;

namespace ResidentBot.Persistence.Tests.Secrets;

public abstract class AppSecretRowsTests(string provider)
{
    [SkippableFact]
    public async Task Hosts_creating_a_first_start_secret_together_all_get_the_one_row_that_won()
    {
        await using var database = await TestDatabase.CreateAsync(importSample: false, provider: provider);
        using var go = new ManualResetEventSlim();

        var starts = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            using var scope = database.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            go.Wait();
            return AppSecretRows.GetOrCreate(db, "button-signing-key", () => RandomNumberGenerator.GetBytes(32));
        })).ToList();
        go.Set();
        var keys = await Task.WhenAll(starts);

        await using var check = database.Scope();
        var stored = await check.ServiceProvider.GetRequiredService<ResidentBotDbContext>().AppSecrets.SingleAsync();
        Assert.All(keys, key => Assert.Equal(stored.Value, key));
    }

    [SkippableFact]
    public async Task An_existing_secret_is_kept_and_an_upsert_replaces_it_in_place()
    {
        await using var database = await TestDatabase.CreateAsync(importSample: false, provider: provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();

        var first = AppSecretRows.GetOrCreate(db, "webchat-secret", () => [1, 2, 3]);
        var again = AppSecretRows.GetOrCreate(db, "webchat-secret", () => [9, 9, 9]);
        await AppSecretRows.UpsertAsync(db, "zalo-oa-tokens", [4], CancellationToken.None);
        await AppSecretRows.UpsertAsync(db, "zalo-oa-tokens", [5, 6], CancellationToken.None);

        Assert.Equal([1, 2, 3], first);
        Assert.Equal([1, 2, 3], again);
        var rows = await db.AppSecrets.AsNoTracking().OrderBy(s => s.Name).ToListAsync();
        Assert.Equal(["webchat-secret", "zalo-oa-tokens"], rows.Select(r => r.Name));
        Assert.Equal([5, 6], rows[1].Value);
    }
}

public sealed class AppSecretRowsTestsOnSqlite() : AppSecretRowsTests(Providers.Sqlite);

public sealed class AppSecretRowsTestsOnPostgreSql() : AppSecretRowsTests(Providers.PostgreSql);
