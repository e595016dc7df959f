using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Persistence.Tests.Cases;

public abstract class OpenCaseQueryTests(string provider)
{
    [SkippableFact]
    public async Task The_domain_list_of_open_statuses_filters_cases_in_SQL()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        await CaseFactory.SaveAssignedCaseAsync(db, "HD-2026-000001");
        var rejectedId = await CaseFactory.SaveAssignedCaseAsync(db, "HD-2026-000002");
        var rejected = await db.Cases.SingleAsync(c => c.Id == rejectedId);
        rejected.Reject(Actor.System, "duplicate", CaseFactory.Now.AddHours(1));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var open = db.Cases.Where(c => CaseStatuses.Open.Contains(c.Status)).Select(c => c.TrackingCode);

        Assert.Equal(["HD-2026-000001"], await open.ToListAsync());
        Assert.Matches("\"?c\"?\\.\"Status\" (IN|= ANY) \\(", open.ToQueryString()); // Npgsql leaves a lower-case alias unquoted
    }
}

public sealed class OpenCaseQueryTestsOnSqlite() : OpenCaseQueryTests(Providers.Sqlite);

public sealed class OpenCaseQueryTestsOnPostgreSql() : OpenCaseQueryTests(Providers.PostgreSql);
