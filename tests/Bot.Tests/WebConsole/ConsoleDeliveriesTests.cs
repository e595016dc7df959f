using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Officials;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;
using static ResidentBot.Bot.Tests.WebConsole.ConsoleBrowserless;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>
/// The administrator's delivery health: what each channel still holds, the messages channels refused for good, and
/// sending them again — once, through the write gate, to the real (fake) Telegram Bot API.
/// </summary>
public sealed class ConsoleDeliveriesTests
{
    private const string Page = "/console/admin/deliveries";

    [Fact]
    public async Task A_failed_message_shows_under_its_channel_and_a_retry_sends_it_once()
    {
        await using var bed = await StartAsync(Settings());
        var id = await FailedMessageAsync(bed, "5001", "Lịch tiếp công dân tháng 12");
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, CitySupervisor))) { }

        using var telegram = await client.GetAsync(new Uri(Page + "?channel=telegram", UriKind.Relative));
        var html = await telegram.Content.ReadAsStringAsync();
        using var zalo = await client.GetAsync(new Uri(Page + "?channel=zalo", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, telegram.StatusCode);
        Assert.Contains($"#{id}<br", html, StringComparison.Ordinal);
        Assert.Contains("Bad Request: chat not found", html, StringComparison.Ordinal);
        Assert.Contains("name=\"RetryChannel\" value=\"telegram\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Lịch tiếp công dân", html, StringComparison.Ordinal); // the text is not the administrator's to read
        Assert.DoesNotContain($"#{id}<br", await zalo.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var retried = await PostFormAsync(client, Page + "?channel=telegram", html, new Dictionary<string, string> { ["RetryId"] = $"{id}" }, "retry");

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Contains($"Đã đưa tin nhắn #{id} trở lại hàng chờ gửi.", await retried.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await bed.Api.WaitUntilAsync(calls => Delivered(calls, "5001", "Lịch tiếp công dân") == 1);
        await WaitUntilAsync(async () => (await RowAsync(bed, id)).Status == OutboxStatus.Sent);

        // The same button again (a double click, a second tab): the message is no longer failed, nothing moves.
        using var again = await PostFormAsync(client, Page + "?channel=telegram", html, new Dictionary<string, string> { ["RetryId"] = $"{id}" }, "retry");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("không còn ở trạng thái gửi lỗi", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var row = await RowAsync(bed, id);
        Assert.Equal((OutboxStatus.Sent, 2), (row.Status, row.Attempts));
        Assert.Equal(1, Delivered(bed.Api.Calls, "5001", "Lịch tiếp công dân"));
    }

    [Fact]
    public async Task Retry_all_moves_only_that_channels_failures_and_never_a_message_whose_secret_was_forgotten()
    {
        await using var bed = await StartAsync(Settings());
        var first = await FailedMessageAsync(bed, "5001", "Thông báo thứ nhất");
        var second = await FailedMessageAsync(bed, "5002", "Thông báo thứ hai");
        long zaloFailed, zaloPending, redacted;
        await using (var scope = bed.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
            // Zalo is off in this host: its rows stay as they are, and still count.
            var failedRow = outbox.Enqueue(ChannelNames.Zalo, "8421000", new OutboundMessage { Text = "Zalo" });
            failedRow.Status = OutboxStatus.Failed;
            failedRow.LastError = "-213 not a follower";
            var pendingRow = outbox.Enqueue(ChannelNames.Zalo, "8421001", new OutboundMessage { Text = "Zalo chờ" });
            pendingRow.CreatedAt = DateTimeOffset.UtcNow.AddHours(-2);
            pendingRow.NextAttemptAt = DateTimeOffset.UtcNow.AddHours(1);
            // As the outbox leaves a refused invite: the code replaced by the placeholder.
            var secretRow = outbox.Enqueue(ChannelNames.Telegram, "5003", new OutboundMessage { Text = "Mã: inv_abc", Secrets = ["inv_abc"] });
            secretRow.Status = OutboxStatus.Failed;
            secretRow.Payload = OutboxSecrets.Scrub(secretRow.Payload)!;
            await db.SaveChangesAsync();
            (zaloFailed, zaloPending, redacted) = (failedRow.Id, pendingRow.Id, secretRow.Id);
        }

        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, CitySupervisor))) { }
        using var page = await client.GetAsync(new Uri(Page, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("chưa bật trên máy chủ này", html, StringComparison.Ordinal);
        Assert.Contains("tin lâu nhất đã chờ 2 giờ", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"RetryId\" value=\"{first}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"RetryId\" value=\"{redacted}\"", html, StringComparison.Ordinal);
        Assert.Contains("mã đã được xoá nên không gửi lại được", html, StringComparison.Ordinal);

        using var all = await PostFormAsync(client, Page, html, new Dictionary<string, string> { ["RetryChannel"] = ChannelNames.Telegram }, "retry-channel");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Contains("Đã đưa 2 tin nhắn qua Telegram trở lại hàng chờ gửi.", await all.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await bed.Api.WaitUntilAsync(calls => Delivered(calls, "5001", "Thông báo thứ nhất") == 1 && Delivered(calls, "5002", "Thông báo thứ hai") == 1);
        await WaitUntilAsync(async () => (await RowAsync(bed, first)).Status == OutboxStatus.Sent && (await RowAsync(bed, second)).Status == OutboxStatus.Sent);
        Assert.Equal(OutboxStatus.Failed, (await RowAsync(bed, zaloFailed)).Status);
        Assert.Equal(OutboxStatus.Pending, (await RowAsync(bed, zaloPending)).Status);
        Assert.Equal(OutboxStatus.Failed, (await RowAsync(bed, redacted)).Status);
        Assert.DoesNotContain(bed.Api.CallsTo("sendMessage"), c => c.String("chat_id") == "5003");

        using var again = await PostFormAsync(client, Page, html, new Dictionary<string, string> { ["RetryChannel"] = ChannelNames.Telegram }, "retry-channel");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("không còn tin gửi lỗi nào gửi lại được", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_posted_without_the_pages_antiforgery_token_is_refused_and_the_message_stays_failed()
    {
        await using var bed = await StartAsync(Settings());
        var id = await FailedMessageAsync(bed, "5001", "Thông báo");
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, CitySupervisor))) { }
        using var page = await client.GetAsync(new Uri(Page, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        using var forged = await PostFormAsync(client, Page, html.Replace("__RequestVerificationToken", "x", StringComparison.Ordinal),
            new Dictionary<string, string> { ["RetryId"] = $"{id}" }, "retry");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(OutboxStatus.Failed, (await RowAsync(bed, id)).Status);
    }

    [Fact]
    public async Task An_official_who_is_not_an_administrator_can_neither_see_nor_retry()
    {
        await using var bed = await StartAsync(Settings());
        var id = await FailedMessageAsync(bed, "5001", "Thông báo");
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, TranPhuLeader))) { }
        using var queue = await client.GetAsync(new Uri("/console", UriKind.Relative));
        var withToken = await queue.Content.ReadAsStringAsync(); // the sign-out form's token is a valid one

        using var page = await client.GetAsync(new Uri(Page, UriKind.Relative));
        using var retry = await PostFormAsync(client, Page, withToken, new Dictionary<string, string> { ["_handler"] = "retry", ["RetryId"] = $"{id}" });

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, retry.StatusCode);
        Assert.Equal(OutboxStatus.Failed, (await RowAsync(bed, id)).Status);
    }

    /// <summary>Queues a message the fake Telegram refuses for good ("chat not found"); returns its id once the outbox marked it Failed.</summary>
    private static async Task<long> FailedMessageAsync(OfficialsHarness bed, string chat, string text)
    {
        bed.Api.FailNextTo(chat, 1, FakeFailure.ChatNotFound());
        long id;
        await using (var scope = bed.Host.Services.CreateAsyncScope())
        {
            var row = scope.ServiceProvider.GetRequiredService<OutboxWriter>().Enqueue(ChannelNames.Telegram, chat, new OutboundMessage { Text = text });
            await scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>().SaveChangesAsync();
            id = row.Id;
        }

        bed.Host.Services.GetRequiredService<OutboxSignal>().Notify();
        await WaitUntilAsync(async () => (await RowAsync(bed, id)).Status == OutboxStatus.Failed);
        return id;
    }

    private static async Task<OutboxMessage> RowAsync(OfficialsHarness bed, long id)
    {
        await using var db = bed.Host.NewDbContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static int Delivered(IReadOnlyList<FakeBotApiCall> calls, string chat, string fragment) =>
        calls.Count(c => c.Method == "sendMessage" && c.StatusCode == 200 && c.String("chat_id") == chat
                         && (c.String("text") ?? string.Empty).Contains(fragment, StringComparison.Ordinal));
}
