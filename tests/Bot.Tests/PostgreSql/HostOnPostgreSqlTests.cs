using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence;
using ResidentBot.Tests.Databases;

namespace ResidentBot.Bot.Tests.PostgreSql;

/// <summary>The choice <c>XOnPostgreSql</c> classes make in their constructor reaches the host their tests start.</summary>
public sealed class HostOnPostgreSqlTests : IDisposable
{
    private readonly IDisposable provider = TestDatabases.Use(TestDatabases.PostgreSql);

    [SkippableFact]
    public async Task A_host_started_by_a_test_that_chose_PostgreSql_runs_on_PostgreSql_with_its_write_gate_and_job_storage()
    {
        await using var host = await BotTestHost.StartAsync();

        Assert.Equal(DatabaseProvider.PostgreSql, host.Services.GetRequiredService<DatabaseConnection>().Provider);
        Assert.Equal("PostgreSqlWriteGate", host.Services.GetRequiredService<IWriteGate>().GetType().Name);
        Assert.Equal("PostgreSqlStorage", host.Services.GetRequiredService<Hangfire.JobStorage>().GetType().Name);
        await using var db = host.NewDbContext();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
    }

    public void Dispose() => provider.Dispose();
}
