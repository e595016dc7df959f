using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Tests.Outbox;

/// <summary>Per-chat order through failures, and how soon a backlog goes once the Bot API answers again.</summary>
public sealed class OutboxOrderTests
{
    // Time stands still unless a test moves it, so the pacer must not hold anything back on its own.
    private static readonly Dictionary<string, string?> Unpaced = new()
    {
        ["Outbox:Channels:telegram:PerChatInterval"] = "00:00:00",
        ["Outbox:Channels:telegram:MessagesPerSecond"] = "1000",
    };

    public static TheoryData<int, bool> Failures => new() { { 500, false }, { 502, false }, { 429, false }, { 404, true }, { 502, true } };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_chat_gets_its_messages_in_the_order_queued_after_one_failed_attempt(int status, bool proxy)
    {
        var time = NewTime();
        await using var host = await BotTestHost.StartAsync(Unpaced, time);
        host.Api.FailNext("sendMessage", 1, status == 429 ? FakeFailure.TooManyRequests(1) : proxy ? FakeFailure.Proxy(status) : new FakeFailure(status, "Bad Gateway"));

        await EnqueueAsync(host, ("7001", "zz1"), ("7001", "zz2"), ("7001", "zz3"), ("7001", "zz4"));
        await host.Api.WaitForCallsAsync("sendMessage", 1);
        await WaitForAsync(host, rows => rows.Single(r => Text(r) == "zz1").Attempts == 1);
        time.Advance(TimeSpan.FromSeconds(2)); // past retry_after (1 s) and the first backoff (2 s)
        await WaitForAsync(host, rows => rows.All(r => r.Status == OutboxStatus.Sent));

        Assert.Equal(["zz1", "zz2", "zz3", "zz4"], Delivered(host, "7001"));
    }

    [Fact]
    public async Task A_first_message_waiting_for_its_retry_holds_back_its_own_chat_only()
    {
        var time = NewTime();
        await using var host = await BotTestHost.StartAsync(Unpaced, time);
        host.Api.FailNextTo("7001", 1, FakeFailure.ServerError());

        await EnqueueAsync(host, ("7001", "a1"), ("7001", "a2"));
        await WaitForAsync(host, rows => rows.Single(r => Text(r) == "a1").Attempts == 1);
        await EnqueueAsync(host, ("7002", "b1"), ("7002", "b2"));
        time.Advance(TimeSpan.FromSeconds(1)); // the channel is tried again with chat 7002; chat 7001 waits its own 2 s
        await WaitForAsync(host, rows => rows.Where(r => r.Recipient == "7002").All(r => r.Status == OutboxStatus.Sent));
        Assert.Empty(Delivered(host, "7001"));

        time.Advance(TimeSpan.FromSeconds(1)); // a1 is due, then a2 may follow
        await WaitForAsync(host, rows => rows.All(r => r.Status == OutboxStatus.Sent));

        Assert.Equal(["a1", "a2"], Delivered(host, "7001"));
        Assert.Equal(["b1", "b2"], Delivered(host, "7002"));
    }

    [Fact]
    public async Task After_a_ten_minute_outage_every_chat_gets_its_messages_in_order_as_soon_as_the_api_answers()
    {
        var time = NewTime();
        await using var host = await BotTestHost.StartAsync(Unpaced, time);
        string[] chats = [.. Enumerable.Range(1, 20).Select(i => (8000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))];
        host.Api.Outage = new FakeFailure(502, "Bad Gateway");

        await EnqueueAsync(host, [.. chats.SelectMany(c => new[] { (c, "zz1"), (c, "zz2") })]);
        for (var step = 0; step < 60; step++)
        {
            // Each step of 10 s (the longest probe interval) waits until the sender has tried again and saved when to retry.
            var tried = (await WaitForAsync(host, _ => true)).Sum(r => r.Attempts);
            time.Advance(TimeSpan.FromSeconds(10));
            await WaitForAsync(host, rows => rows.Sum(r => r.Attempts) > tried);
            if (step == 30)
            {
                await EnqueueAsync(host, [.. chats.SelectMany(c => new[] { (c, "zz3"), (c, "zz4") })]);
            }
        }

        host.Api.Outage = null;
        time.Advance(TimeSpan.FromSeconds(10)); // at most one probe interval

        await WaitForAsync(host, rows => rows.All(r => r.Status == OutboxStatus.Sent));
        Assert.All(chats, chat => Assert.Equal(["zz1", "zz2", "zz3", "zz4"], Delivered(host, chat)));
    }

    [Fact]
    public async Task Messages_put_off_before_a_restart_go_as_soon_as_the_host_is_back_and_the_api_answers()
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-putoff-").FullName;
        var offline = new Dictionary<string, string?>(Unpaced) { ["Telegram:BotToken"] = "" };
        var time = NewTime();
        await using (var first = await BotTestHost.StartAsync(offline, time, folder: folder, keepFolder: true))
        {
            await EnqueueAsync(first, ("7001", "zz1"), ("7001", "zz2"));
            await using var db = first.NewDbContext();
            var head = await db.OutboxMessages.OrderBy(m => m.Id).FirstAsync();
            (head.Attempts, head.NextAttemptAt, head.LastError) = (9, time.GetUtcNow().AddMinutes(5), "Bad Gateway"); // backed off to the longest wait
            await db.SaveChangesAsync();
        }

        await using var second = await BotTestHost.StartAsync(Unpaced, time, folder: folder);

        await WaitForAsync(second, rows => rows.All(r => r.Status == OutboxStatus.Sent));
        Assert.Equal(["zz1", "zz2"], Delivered(second, "7001"));
    }

    private static FakeTimeProvider NewTime() => new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    private static List<string?> Delivered(BotTestHost host, string chat) =>
        [.. host.Api.CallsTo("sendMessage").Where(c => c.StatusCode == 200 && c.String("chat_id") == chat).Select(c => c.String("text"))];

    private static string Text(OutboxMessage row) => OutboxWriter.Read(row).Text;

    private static async Task EnqueueAsync(BotTestHost host, params (string Chat, string Text)[] messages)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
        foreach (var (chat, text) in messages)
        {
            outbox.Enqueue(ChannelNames.Telegram, chat, new OutboundMessage { Text = text });
        }

        await db.SaveChangesAsync();
        host.Services.GetRequiredService<OutboxSignal>().Notify();
    }

    private static Task<List<OutboxMessage>> WaitForAsync(BotTestHost host, Func<List<OutboxMessage>, bool> done) =>
        host.WaitForAsync((db, ct) => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync(ct), done, TimeSpan.FromSeconds(30));
}
