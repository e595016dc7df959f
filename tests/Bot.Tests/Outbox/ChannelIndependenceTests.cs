using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Tests.Channels.WebChat;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Tests.Outbox;

/// <summary>Each channel has its own pacer and health: Telegram's trouble never holds back the web chat.</summary>
public sealed class ChannelIndependenceTests
{
    [Fact]
    public async Task A_telegram_429_does_not_pause_web_chat_deliveries()
    {
        await using var host = await BotTestHost.StartAsync();
        var conversation = await NewConversationAsync(host);
        host.Api.FailNext("sendMessage", 1, FakeFailure.TooManyRequests(60));

        var telegram = await EnqueueAsync(host, ChannelNames.Telegram, "7001", "Telegram: chờ một phút");
        await host.WaitForAsync((db, ct) => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == telegram, ct), m => m.Attempts == 1);
        var web = await EnqueueAsync(host, ChannelNames.WebChat, conversation, "Web: gửi ngay");

        var sent = await host.WaitForAsync((db, ct) => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == web, ct), m => m.Status == OutboxStatus.Sent);
        Assert.Equal(1, sent.Attempts);
        await using var db = host.NewDbContext();
        Assert.Equal(OutboxStatus.Pending, (await db.OutboxMessages.SingleAsync(m => m.Id == telegram)).Status);
    }

    [Fact]
    public async Task A_telegram_outage_does_not_hold_back_web_chat_deliveries()
    {
        await using var host = await BotTestHost.StartAsync();
        var conversation = await NewConversationAsync(host);
        host.Api.Outage = FakeFailure.ServerError();

        var telegram = await EnqueueAsync(host, ChannelNames.Telegram, "7001", "Telegram: đang hỏng");
        await host.WaitForAsync((db, ct) => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == telegram, ct), m => m.Attempts >= 1);
        var web = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            web.Add(await EnqueueAsync(host, ChannelNames.WebChat, conversation, $"Web {i}"));
        }

        await host.WaitForAsync((db, ct) => db.OutboxMessages.AsNoTracking().CountAsync(m => web.Contains(m.Id) && m.Status == OutboxStatus.Sent, ct), n => n == 5);
        await using var db = host.NewDbContext();
        Assert.Equal(OutboxStatus.Pending, (await db.OutboxMessages.SingleAsync(m => m.Id == telegram)).Status);
    }

    private static async Task<string> NewConversationAsync(BotTestHost host)
    {
        using var http = host.CreateClient();
        using var response = await http.PostAsync(new Uri("/webchat/token", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("token").GetString()!;
        await WebChatTokenTests.StartAsync(http, token);
        return body.RootElement.GetProperty("conversationId").GetString()!;
    }

    private static async Task<long> EnqueueAsync(BotTestHost host, string channel, string recipient, string text)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var message = scope.ServiceProvider.GetRequiredService<OutboxWriter>().Enqueue(channel, recipient, new OutboundMessage { Text = text });
        await db.SaveChangesAsync();
        host.Services.GetRequiredService<OutboxSignal>().Notify();
        return message.Id;
    }
}
