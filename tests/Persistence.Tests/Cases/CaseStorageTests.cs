using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Persistence.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Persistence.Tests.Cases;

public abstract class CaseStorageTests(string provider)
{
    [SkippableFact]
    public async Task A_saved_case_reads_back_with_its_log_attachments_and_UTC_times()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        long id;
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            id = await CaseFactory.SaveAssignedCaseAsync(db);
            var saved = await db.Cases.SingleAsync(c => c.Id == id);
            saved.Attach(new CaseAttachment { Channel = "telegram", FileRef = "AgACAgQ", AddedBy = ActorKind.Resident, AddedAt = CaseFactory.Now.ToOffset(TimeSpan.FromHours(7)) });
            await db.SaveChangesAsync();
        }

        await using var check = database.Scope();
        var reread = await check.ServiceProvider.GetRequiredService<ResidentBotDbContext>().Cases
            .Include(c => c.Events).Include(c => c.Attachments).Include(c => c.AccountableOfficial).SingleAsync(c => c.Id == id);
        Assert.Equal(CaseStatus.Assigned, reread.Status);
        Assert.Equal([CaseEventKind.Created, CaseEventKind.Assigned], reread.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        Assert.Equal("HD.TPHD.TRANPHU.CT", reread.AccountableOfficial!.Code);
        var attachment = Assert.Single(reread.Attachments);
        Assert.Equal(CaseFactory.Now, attachment.AddedAt);
        Assert.Equal(TimeSpan.Zero, attachment.AddedAt.Offset);
        Assert.Equal(CaseFactory.Now.AddDays(5), reread.ResolveDueAt);
    }

    [SkippableFact]
    public async Task Closing_an_assigned_case_is_refused_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        long id;
        await using (var scope = database.Scope())
        {
            id = await CaseFactory.SaveAssignedCaseAsync(scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>());
        }

        var before = await database.DumpAsync();
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            var loaded = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == id);
            Assert.Throws<IllegalTransitionException>(() => loaded.Close(Actor.System, CaseFactory.Now.AddHours(1)));
            await db.SaveChangesAsync();
        }

        Assert.Equal(before, await database.DumpAsync());
        await using var check = database.Scope();
        var reread = await check.ServiceProvider.GetRequiredService<ResidentBotDbContext>().Cases.Include(c => c.Events).SingleAsync(c => c.Id == id);
        Assert.Equal(CaseStatus.Assigned, reread.Status);
        Assert.Equal(2, reread.Events.Count);
    }

    [SkippableFact]
    public async Task A_stale_copy_of_a_case_cannot_overwrite_a_newer_one()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        long id;
        await using (var scope = database.Scope())
        {
            id = await CaseFactory.SaveAssignedCaseAsync(scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>());
        }

        await using var first = database.Scope();
        await using var second = database.Scope();
        var db1 = first.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var copy1 = await db1.Cases.SingleAsync(c => c.Id == id);
        var copy2 = await db2.Cases.SingleAsync(c => c.Id == id);

        copy1.Acknowledge(Actor.Official(1), CaseFactory.Now.AddHours(1));
        await db1.SaveChangesAsync();
        copy2.Reject(Actor.Official(1), "Không thuộc thẩm quyền", CaseFactory.Now.AddHours(2));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
    }

    [SkippableFact]
    public async Task Case_events_are_append_only()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await using (var scope = database.Scope())
        {
            await CaseFactory.SaveAssignedCaseAsync(scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>());
        }

        var before = await database.DumpAsync();
        await using var edit = database.Scope();
        var db = edit.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var entry = await db.CaseEvents.OrderBy(e => e.Id).FirstAsync();
        entry.Note = "rewritten history";
        var modified = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("append-only", modified.Message, StringComparison.Ordinal);

        db.ChangeTracker.Clear();
        db.CaseEvents.Remove(await db.CaseEvents.OrderBy(e => e.Id).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Equal(before, await database.DumpAsync());
    }

    [SkippableFact]
    public async Task The_chase_sweep_query_runs_in_SQL_on_the_NextChaseAt_index()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var clock = new FakeTimeProvider(CaseFactory.Now.AddHours(3));
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        await CaseFactory.SaveAssignedCaseAsync(db, "HD-2026-000001", CaseFactory.Now.AddHours(1));
        await CaseFactory.SaveAssignedCaseAsync(db, "HD-2026-000002", CaseFactory.Now.AddHours(5));
        await CaseFactory.SaveAssignedCaseAsync(db, "HD-2026-000003", CaseFactory.Now.AddHours(2).ToOffset(TimeSpan.FromHours(7)));
        db.ChangeTracker.Clear();

        var now = clock.GetUtcNow();
        var due = db.Cases.Where(c => c.NextChaseAt <= now).OrderBy(c => c.NextChaseAt).Select(c => c.TrackingCode);

        Assert.Equal(["HD-2026-000001", "HD-2026-000003"], await due.ToListAsync());
        Assert.Matches("\"?c\"?\\.\"NextChaseAt\" <= @now", due.ToQueryString()); // Npgsql leaves a lower-case alias unquoted

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var explain = connection.CreateCommand();
        // PostgreSQL would scan three rows sequentially whatever the index: forbid that to see whether the index serves.
        explain.CommandText = database.IsPostgreSql
            ? "SET enable_seqscan = off; EXPLAIN SELECT \"Id\" FROM \"Cases\" WHERE \"NextChaseAt\" <= '2026-03-02T05:00:00Z'"
            : "EXPLAIN QUERY PLAN SELECT \"Id\" FROM \"Cases\" WHERE \"NextChaseAt\" <= 1772424000000";
        await using var reader = await explain.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(database.IsPostgreSql ? 0 : reader.GetOrdinal("detail")));
        }

        Assert.Contains(plan, step => step.Contains("IX_Cases_NextChaseAt", StringComparison.Ordinal));
    }
}

public sealed class CaseStorageTestsOnSqlite() : CaseStorageTests(Providers.Sqlite);

public sealed class CaseStorageTestsOnPostgreSql() : CaseStorageTests(Providers.PostgreSql);
