using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;

namespace ResidentBot.Bot.Tests.Conversations.Start;

public sealed class StartTests
{
    private const long Lan = 7401;

    [Fact]
    public async Task Start_greets_in_vietnamese_with_the_main_menu()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);

        var reply = Assert.Single(await chat.CommandAsync("/start"));

        Assert.Contains("Xin chào", reply.String("text"), StringComparison.Ordinal);
        var keyboard = string.Join("|", JsonNode.Parse(reply.String("reply_markup")!)!["keyboard"]!.AsArray()
            .SelectMany(row => row!.AsArray()).Select(button => (string?)button!["text"]));
        Assert.Contains("📝 Phản ánh", keyboard, StringComparison.Ordinal);
        Assert.Contains("📋 Phản ánh của tôi", keyboard, StringComparison.Ordinal);
        Assert.Contains("🌐 English", keyboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_with_an_unknown_code_still_greets()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());

        var reply = await new ResidentChat(host, Lan).CommandAsync("/start abc123");

        Assert.Contains("Xin chào", ResidentChat.Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lang_switches_to_english_and_the_menu_label_starts_a_report()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);

        var switched = ResidentChat.Text(await chat.TextAsync("🌐 English"));
        var asked = await chat.TextAsync("📝 Report");
        var report = ResidentChat.Text(asked);
        var back = ResidentChat.Text(await chat.CommandAsync("/lang"));

        Assert.Contains("Switched to English", switched, StringComparison.Ordinal);
        Assert.Contains("Step 1/4", report, StringComparison.Ordinal);
        var kinds = asked.Where(c => c.String("reply_markup") is not null || c.Json("reply_markup") is not null)
            .SelectMany(ResidentBot.Bot.Tests.Officials.OfficialsHarness.Buttons).Select(b => b.Label).ToList();
        Assert.Contains(kinds, k => k.Contains("Illegal construction", StringComparison.Ordinal));
        Assert.Contains("tiếng Việt", back, StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        Assert.Equal("vi", await db.Residents.Select(r => r.Language).SingleAsync());
    }
}
