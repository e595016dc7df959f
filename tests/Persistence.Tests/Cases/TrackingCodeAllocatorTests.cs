using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence.Cases;
using ResidentBot.Persistence.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;

namespace ResidentBot.Persistence.Tests.Cases;

public abstract class TrackingCodeAllocatorTests(string provider)
{
    [SkippableFact]
    public async Task Parallel_allocations_get_distinct_consecutive_codes()
    {
        await using var database = await TestDatabase.CreateAsync(importSample: false, provider: provider);

        var batches = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            var codes = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                await using var scope = database.Scope();
                var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                codes.Add(await scope.ServiceProvider.GetRequiredService<TrackingCodeAllocator>().NextAsync("HD", 2026, CancellationToken.None));
                await transaction.CommitAsync();
            }

            return codes;
        })));

        var expected = Enumerable.Range(1, 30).Select(n => $"HD-2026-{n:D6}");
        Assert.Equal(expected, batches.SelectMany(b => b).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Each_prefix_and_year_counts_from_one_and_a_rollback_gives_the_number_back()
    {
        await using var database = await TestDatabase.CreateAsync(importSample: false, provider: provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var allocator = scope.ServiceProvider.GetRequiredService<TrackingCodeAllocator>();

        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal("HD-2026-000001", await allocator.NextAsync("HD", 2026, CancellationToken.None));
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.Equal("HD-2026-000001", await allocator.NextAsync("HD", 2026, CancellationToken.None));
        Assert.Equal("HD-2026-000002", await allocator.NextAsync("HD", 2026, CancellationToken.None));
        Assert.Equal("HD-2027-000001", await allocator.NextAsync("HD", 2027, CancellationToken.None));
        Assert.Equal("NS-2026-000001", await allocator.NextAsync("NS", 2026, CancellationToken.None));
        await transaction.CommitAsync();
    }

    [SkippableFact]
    public async Task Allocating_outside_a_transaction_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(importSample: false, provider: provider);
        await using var scope = database.Scope();
        var allocator = scope.ServiceProvider.GetRequiredService<TrackingCodeAllocator>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => allocator.NextAsync("HD", 2026, CancellationToken.None));
    }
}

public sealed class TrackingCodeAllocatorTestsOnSqlite() : TrackingCodeAllocatorTests(Providers.Sqlite);

public sealed class TrackingCodeAllocatorTestsOnPostgreSql() : TrackingCodeAllocatorTests(Providers.PostgreSql);
