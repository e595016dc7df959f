using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence.Inbox;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Persistence.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;

namespace ResidentBot.Persistence.Tests;

public abstract class InboxOutboxTests(string provider)
{
    private static readonly DateTimeOffset Now = CaseFactory.Now;

    [SkippableFact]
    public async Task A_redelivered_update_cannot_enter_the_inbox_twice()
    {
        await using var database = await TestDatabase.CreateAsync(importSample: false, provider: provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        db.InboxEntries.Add(new InboxEntry { Channel = "telegram", ExternalId = "1001", Payload = "{}", ReceivedAt = Now });
        db.InboxEntries.Add(new InboxEntry { Channel = "zalo", ExternalId = "1001", Payload = "{}", ReceivedAt = Now });
        await db.SaveChangesAsync();

        db.InboxEntries.Add(new InboxEntry { Channel = "telegram", ExternalId = "1001", Payload = "{}", ReceivedAt = Now });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [SkippableFact]
    public async Task An_update_id_reused_for_another_update_enters_the_inbox_as_a_new_entry()
    {
        await using var database = await TestDatabase.CreateAsync(importSample: false, provider: provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        db.InboxEntries.Add(new InboxEntry { Channel = "telegram", ExternalId = "1001", Fingerprint = "a", Payload = "{}", ReceivedAt = Now });
        db.InboxEntries.Add(new InboxEntry { Channel = "telegram", ExternalId = "1001", Fingerprint = "b", Payload = "{}", ReceivedAt = Now });
        await db.SaveChangesAsync();

        db.InboxEntries.Add(new InboxEntry { Channel = "telegram", ExternalId = "1001", Fingerprint = "b", Payload = "{}", ReceivedAt = Now });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [SkippableFact]
    public async Task An_outbox_dedup_key_is_unique_but_messages_without_one_may_repeat()
    {
        await using var database = await TestDatabase.CreateAsync(importSample: false, provider: provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        for (var i = 0; i < 2; i++)
        {
            db.OutboxMessages.Add(new OutboxMessage { Channel = "telegram", Recipient = "42", Payload = "{}", CreatedAt = Now, NextAttemptAt = Now });
        }

        db.OutboxMessages.Add(new OutboxMessage { Channel = "telegram", Recipient = "42", Payload = "{}", CreatedAt = Now, NextAttemptAt = Now, DedupKey = "remind:1" });
        await db.SaveChangesAsync();

        db.OutboxMessages.Add(new OutboxMessage { Channel = "telegram", Recipient = "42", Payload = "{}", CreatedAt = Now, NextAttemptAt = Now, DedupKey = "remind:1" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        var due = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= Now).CountAsync();
        Assert.Equal(3, due);
    }
}

public sealed class InboxOutboxTestsOnSqlite() : InboxOutboxTests(Providers.Sqlite);

public sealed class InboxOutboxTestsOnPostgreSql() : InboxOutboxTests(Providers.PostgreSql);
