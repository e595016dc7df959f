using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Bot.Retention;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Inbox;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Tests.Retention;

public sealed class RetentionCleanupTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Handled_inbox_entries_and_sent_messages_past_their_retention_are_deleted_in_batches_and_nothing_else()
    {
        var time = new FakeTimeProvider(Now);
        var offline = new Dictionary<string, string?> { ["Telegram:BotToken"] = "", ["Retention:InboxDays"] = "30", ["Retention:OutboxDays"] = "180" };
        await using var host = await BotTestHost.StartAsync(offline, time);
        await using (var db = host.NewDbContext())
        {
            var old = RetentionCleanupJob.BatchSize * 2 + 7; // three batches
            db.InboxEntries.AddRange(Enumerable.Range(0, old).Select(i => Inbox($"old-{i}", InboxStatus.Handled, days: 31)));
            db.InboxEntries.AddRange(Inbox("recent", InboxStatus.Handled, days: 29), Inbox("failed", InboxStatus.Failed, days: 90), Inbox("pending", InboxStatus.Pending, days: 90));
            db.OutboxMessages.AddRange(Enumerable.Range(0, old).Select(i => Outbox(OutboxStatus.Sent, days: 181)));
            db.OutboxMessages.AddRange(Outbox(OutboxStatus.Sent, days: 179), Outbox(OutboxStatus.Failed, days: 400), Outbox(OutboxStatus.Pending, days: 400));

            // Sent within the period, though first tried long before (it waited out an outage).
            var late = Outbox(OutboxStatus.Sent, days: 200);
            late.SentAt = Now.AddDays(-100);
            db.OutboxMessages.Add(late);
            await db.SaveChangesAsync();
        }

        var first = await RunAsync(host);
        var second = await RunAsync(host);

        Assert.Equal((RetentionCleanupJob.BatchSize * 2 + 7, RetentionCleanupJob.BatchSize * 2 + 7), first);
        Assert.Equal((0, 0), second);
        await using var after = host.NewDbContext();
        Assert.Equal(["recent", "failed", "pending"], await after.InboxEntries.OrderBy(e => e.Id).Select(e => e.ExternalId).ToListAsync());
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Failed, OutboxStatus.Pending, OutboxStatus.Sent],
            await after.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Status).ToListAsync());
    }

    [Fact]
    public async Task An_old_case_card_is_kept_so_it_can_still_be_edited_while_other_old_messages_about_the_case_go()
    {
        var time = new FakeTimeProvider(Now);
        var offline = new Dictionary<string, string?> { ["Telegram:BotToken"] = "", ["Retention:OutboxDays"] = "180" };
        await using var host = await BotTestHost.StartAsync(offline, time);
        await using (var db = host.NewDbContext())
        {
            var card = Outbox(OutboxStatus.Sent, days: 400);
            card.Tag = "case:42:card:7";
            var notice = Outbox(OutboxStatus.Sent, days: 400);
            notice.Tag = "case:42";
            db.OutboxMessages.AddRange(card, notice);
            await db.SaveChangesAsync();
        }

        Assert.Equal((0, 1), await RunAsync(host));
        await using var after = host.NewDbContext();
        Assert.Equal(["case:42:card:7"], await after.OutboxMessages.Select(m => m.Tag).ToListAsync());
    }

    [Fact]
    public async Task The_cleanup_is_a_recurring_job_on_the_configured_schedule()
    {
        var settings = new Dictionary<string, string?> { ["Telegram:BotToken"] = "", ["Retention:CleanupCron"] = "15 4 * * *" };
        await using var host = await BotTestHost.StartAsync(settings);

        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == ChaseRecurringJobs.RetentionCleanup);
        Assert.Equal("15 4 * * *", job.Cron);
        Assert.Equal(typeof(RetentionCleanupJob), job.Job.Type);
    }

    private static async Task<(int, int)> RunAsync(BotTestHost host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionCleanupJob>().RunAsync(CancellationToken.None);
    }

    private static InboxEntry Inbox(string id, InboxStatus status, int days) => new()
    {
        Channel = "telegram", ExternalId = id, Payload = "{}", Status = status, ReceivedAt = Now.AddDays(-days),
        HandledAt = status == InboxStatus.Handled ? Now.AddDays(-days) : null,
    };

    private static OutboxMessage Outbox(OutboxStatus status, int days) => new()
    {
        Channel = "telegram", Recipient = "7001", Payload = "{}", Status = status, CreatedAt = Now.AddDays(-days), NextAttemptAt = Now.AddDays(-days),
        SentAt = status == OutboxStatus.Sent ? Now.AddDays(-days) : null,
    };
}
