using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResidentBot.Persistence.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;

namespace ResidentBot.Persistence.Tests.PostgreSql;

public sealed class PostgreSqlStartupTests
{
    [SkippableFact]
    public async Task Hosts_starting_together_on_a_fresh_database_migrate_it_once_and_import_the_directory_once()
    {
        Providers.SkipUnlessPostgresAvailable();
        var connectionString = await TestDatabase.EmptyPostgreSqlDatabaseAsync();
        var hosts = Enumerable.Range(0, 4).Select(_ => Services(connectionString)).ToList();
        try
        {
            using var go = new ManualResetEventSlim();
            await Task.WhenAll(hosts.Select(host => Task.Run(async () =>
            {
                go.Wait();
                await using var scope = host.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
            })).Append(Task.Run(go.Set)));

            await using var check = hosts[0].CreateAsyncScope();
            var db = check.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
            Assert.Equal(19, await db.Areas.CountAsync());
            Assert.Equal(7, await db.Categories.CountAsync());
            Assert.Single(await db.CalendarSettings.ToListAsync());
            Assert.Equal(await db.Officials.CountAsync(), await db.Officials.Select(o => o.Code).Distinct().CountAsync());
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }

            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public void An_unknown_provider_is_refused_at_start_naming_the_key()
    {
        var services = Services("Data Source=x.db", provider: "Oracle");

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        Assert.Contains("Provider", failure.Message, StringComparison.Ordinal);
        Assert.Contains("must be Sqlite or PostgreSql", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSql_without_a_server_connection_string_is_refused_at_start_naming_the_key()
    {
        var services = Services("Data Source=residentbot.db");

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        Assert.Contains("ConnectionStrings:ResidentBot is not a PostgreSQL connection string", failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(string connectionString, string provider = Providers.PostgreSql)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ResidentBot"] = connectionString,
            ["Database:Provider"] = provider,
            ["Directory:Path"] = TestDatabase.SamplePath,
        }).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddPersistence(configuration).BuildServiceProvider();
    }
}
