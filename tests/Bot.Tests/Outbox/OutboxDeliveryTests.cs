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

public sealed class OutboxDeliveryTests
{
    private const string Chat = "7001";

    [Fact]
    public async Task A_message_refused_with_429_then_500s_is_delivered_once_and_never_before_it_may()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        await using var host = await BotTestHost.StartAsync(time: time);
        host.Api.FailNext("sendMessage", 1, FakeFailure.TooManyRequests(30));
        host.Api.FailNext("sendMessage", 2, FakeFailure.ServerError());

        await EnqueueAsync(host, "xin chào");
        await WaitForAttemptsAsync(host, 1);
        await Task.Delay(400); // a window (8 of the sender's 50 ms polls) in which nothing may be sent, not a wait for something
        Assert.Single(host.Api.CallsTo("sendMessage")); // retry_after not yet over

        // Time moves only once the sender has saved when to retry, so each wait is measured from the failure.
        time.Advance(TimeSpan.FromSeconds(30));
        await WaitForAttemptsAsync(host, 2);
        time.Advance(TimeSpan.FromSeconds(4)); // past the channel's first probe (1 s after the 500)
        await WaitForAttemptsAsync(host, 3);
        time.Advance(TimeSpan.FromSeconds(8)); // past the second probe (2 s after the next 500)
        var calls = await host.Api.WaitForCallsAsync("sendMessage", 4);

        Assert.Equal([429, 500, 500, 200], calls.Select(c => c.StatusCode));
        var row = await WaitForStatusAsync(host, OutboxStatus.Sent);
        Assert.Equal(4, row.Attempts);
        await Task.Delay(300); // a window in which nothing more may be sent
        Assert.Equal(4, host.Api.CallsTo("sendMessage").Count);
    }

    [Fact]
    public async Task A_message_the_channel_refuses_for_good_is_kept_as_failed_with_its_error()
    {
        await using var host = await BotTestHost.StartAsync();
        host.Api.FailNext("sendMessage", 1, FakeFailure.ChatNotFound());

        await EnqueueAsync(host, "xin chào");

        var row = await WaitForStatusAsync(host, OutboxStatus.Failed);
        Assert.Contains("chat not found", row.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pending_messages_are_delivered_after_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-restart-").FullName;
        var offline = new Dictionary<string, string?> { ["Telegram:BotToken"] = "" };
        await using (var first = await BotTestHost.StartAsync(offline, folder: folder, keepFolder: true))
        {
            await EnqueueAsync(first, "tin nhắn chờ gửi");
            await Task.Delay(300); // a window in which the offline host must not mark the message sent
            await using var db = first.NewDbContext();
            Assert.Equal(OutboxStatus.Pending, (await db.OutboxMessages.SingleAsync()).Status);
        }

        await using var second = await BotTestHost.StartAsync(folder: folder);
        var sent = await second.Api.WaitForCallsAsync("sendMessage", 1);

        Assert.Equal("tin nhắn chờ gửi", sent[0].String("text"));
        Assert.Equal(OutboxStatus.Sent, (await WaitForStatusAsync(second, OutboxStatus.Sent)).Status);
    }

    private static async Task EnqueueAsync(BotTestHost host, string text)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        scope.ServiceProvider.GetRequiredService<OutboxWriter>().Enqueue(ChannelNames.Telegram, Chat, new OutboundMessage { Text = text });
        await db.SaveChangesAsync();
        host.Services.GetRequiredService<OutboxSignal>().Notify();
    }

    private static Task<OutboxMessage> WaitForAttemptsAsync(BotTestHost host, int attempts) =>
        WaitForAsync(host, row => row.Attempts >= attempts);

    private static Task<OutboxMessage> WaitForStatusAsync(BotTestHost host, OutboxStatus status) =>
        WaitForAsync(host, row => row.Status == status);

    private static Task<OutboxMessage> WaitForAsync(BotTestHost host, Func<OutboxMessage, bool> done) =>
        host.WaitForAsync((db, ct) => db.OutboxMessages.AsNoTracking().SingleAsync(ct), done, TimeSpan.FromSeconds(10));
}
