using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Inbox;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Inbox;

namespace ResidentBot.Bot.Tests.Inbox;

public sealed class InboxExactlyOnceTests
{
    private const long Resident = 6001;
    private const string Secret = "test-secret_123";

    private static Dictionary<string, string?> Webhook => new()
    {
        ["Telegram:WebhookUrl"] = "https://bot.example.test/telegram/webhook",
        ["Telegram:SecretToken"] = Secret,
    };

    [Fact]
    public async Task Webhook_with_the_right_secret_is_recorded_and_handled()
    {
        await using var host = await BotTestHost.StartAsync(Webhook);
        using var http = host.CreateClient();

        var response = await WebhookPosts.PostAsync(http, FakeUpdates.Text(Resident, "xin chào", updateId: 41).ToJsonString(), Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await host.Api.WaitForCallsAsync("sendMessage", 1);
        Assert.Equal(Resident, reply[0].Long("chat_id"));
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData(null)]
    public async Task Webhook_with_a_wrong_or_missing_secret_is_refused_and_stores_nothing(string? secret)
    {
        await using var host = await BotTestHost.StartAsync(Webhook);
        using var http = host.CreateClient();

        var response = await WebhookPosts.PostAsync(http, FakeUpdates.Text(Resident, "xin chào", updateId: 42).ToJsonString(), secret);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = host.NewDbContext();
        Assert.Empty(await db.InboxEntries.ToListAsync());
        Assert.Empty(await db.Residents.ToListAsync());
    }

    [Fact]
    public async Task The_same_update_delivered_twice_is_handled_once()
    {
        await using var host = await BotTestHost.StartAsync(Webhook);
        using var http = host.CreateClient();
        var update = FakeUpdates.Text(Resident, "xin chào", updateId: 43).ToJsonString();

        var first = await WebhookPosts.PostAsync(http, update, Secret);
        var second = await WebhookPosts.PostAsync(http, update, Secret);
        await host.Api.WaitForCallsAsync("sendMessage", 1);
        await host.WaitUntilIdleAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Single(host.Api.CallsTo("sendMessage"));
        await using var db = host.NewDbContext();
        Assert.Single(await db.InboxEntries.ToListAsync());
    }

    [Fact]
    public async Task A_new_update_that_reuses_an_old_update_id_is_handled_and_its_redelivery_is_not()
    {
        await using var host = await BotTestHost.StartAsync(Webhook);
        using var http = host.CreateClient();
        await WebhookPosts.PostAsync(http, FakeUpdates.Text(Resident, "xin chào", messageId: 10, updateId: 44).ToJsonString(), Secret);
        await host.Api.WaitForCallsAsync("sendMessage", 1);

        // A week without updates later, Telegram numbers updates from a random point that happens to hit 44 again.
        var reused = FakeUpdates.Text(Resident, "/help", messageId: 95, updateId: 44).ToJsonString();
        var fresh = await WebhookPosts.PostAsync(http, reused, Secret);
        await host.Api.WaitForCallsAsync("sendMessage", 2);
        var redelivered = await WebhookPosts.PostAsync(http, reused, Secret);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (fresh.StatusCode, redelivered.StatusCode));
        await using var db = host.NewDbContext();
        var entries = await db.InboxEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["44", "44"], entries.Select(e => e.ExternalId));
        Assert.Equal(["xin chào", "/help"], entries.Select(e => InboxPayload.Read(e).Text));
        Assert.All(entries, e => Assert.Equal(InboxStatus.Handled, e.Status));
    }

    [Fact]
    public async Task A_redelivery_of_an_update_stored_before_fingerprints_existed_is_still_a_redelivery()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await BotTestHost.StartAsync(Webhook, time);
        await using (var db = host.NewDbContext())
        {
            // As the previous version stored it: no fingerprint, already handled, received an hour ago.
            db.InboxEntries.Add(new InboxEntry
            {
                Channel = "telegram", ExternalId = "45", Fingerprint = "", Payload = "{}", Status = InboxStatus.Handled,
                ReceivedAt = time.GetUtcNow().AddHours(-1), HandledAt = time.GetUtcNow().AddHours(-1),
            });
            await db.SaveChangesAsync();
        }

        using var http = host.CreateClient();
        var redelivered = await WebhookPosts.PostAsync(http, FakeUpdates.Text(Resident, "xin chào", messageId: 11, updateId: 45).ToJsonString(), Secret);

        // The 200 comes only after the batch is committed, so the count is final here.
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        await using var check = host.NewDbContext();
        Assert.Equal(1, await check.InboxEntries.CountAsync());
    }

    [Fact]
    public async Task An_update_recorded_before_a_crash_is_handled_once_after_restart()
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-crash-").FullName;
        var offline = new Dictionary<string, string?> { ["Telegram:BotToken"] = "" };
        await using (await BotTestHost.StartAsync(offline, folder: folder, keepFolder: true))
        {
            // The first host only creates the database; the crash happens "after recording, before handling".
        }

        await PendingUpdates.RecordAsync(folder, PendingUpdates.Text(Resident, 44, "xin chào"));

        await using var second = await BotTestHost.StartAsync(folder: folder);
        await second.Api.WaitForCallsAsync("sendMessage", 1);
        await second.WaitUntilIdleAsync();

        Assert.Single(second.Api.CallsTo("sendMessage"));
        await using var db = second.NewDbContext();
        Assert.Equal(InboxStatus.Handled, (await db.InboxEntries.SingleAsync()).Status);
    }
}
