using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels.WebChat;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

/// <summary>
/// What a web client tells the bot without a typed message: our page's join and language events, and whether it can
/// share a location (<c>channelData.capabilities.shareLocation</c>; Microsoft's Web Chat says nothing, so it cannot).
/// </summary>
public sealed class WebChatClientSignalTests
{
    private static readonly object OurPage = new { capabilities = new { shareLocation = true } };

    [Fact]
    public async Task A_join_event_is_greeted_like_start_without_a_bubble_and_joining_again_is_not_greeted_twice()
    {
        await using var host = await WebChatTestHost.StartAsync();
        using var chat = await WebChatConversation.StartAsync(host);

        await chat.PostAsync(new { type = "event", name = WebChatInboundMapper.JoinEvent, locale = "vi-VN", channelData = OurPage });
        await chat.WaitForBotAsync("Xin chào");
        var rejoin = await chat.PostAsync(new { type = "event", name = WebChatInboundMapper.JoinEvent, locale = "vi-VN", channelData = OurPage });
        await chat.PostAsync(new { type = "message", text = "/help", channelData = OurPage });
        await chat.WaitForBotAsync("/phananh");

        var log = await chat.ActivitiesAsync();
        Assert.DoesNotContain(log, a => !WebChatConversation.IsBot(a) && (string?)a["type"] == "message" && (string?)a["text"] != "/help");
        Assert.Single(log, a => WebChatConversation.IsBot(a) && ((string?)a["text"])!.Contains("Xin chào", StringComparison.Ordinal));
        await using var db = host.NewDbContext();
        Assert.False(await db.InboxEntries.AnyAsync(e => e.ExternalId == rejoin), "a second join reached the conversation");
    }

    [Fact]
    public async Task The_join_event_of_web_chats_welcome_sample_is_greeted_in_the_language_it_names()
    {
        await using var host = await WebChatTestHost.StartAsync();
        using var chat = await WebChatConversation.StartAsync(host);

        await chat.PostAsync(new { type = "event", name = WebChatInboundMapper.JoinEvent, value = new { language = "en-US" } });

        var greeting = await chat.WaitForBotAsync("Hello!");
        Assert.Equal("en-US", (string?)greeting["locale"]);
    }

    [Fact]
    public async Task The_pages_language_event_switches_the_bots_language_and_its_answers_say_which_language_they_are_in()
    {
        await using var host = await WebChatTestHost.StartAsync();
        using var chat = await WebChatConversation.StartAsync(host);
        await chat.PostAsync(new { type = "event", name = WebChatInboundMapper.JoinEvent, locale = "vi", channelData = OurPage });
        var greeting = await chat.WaitForBotAsync("Xin chào");

        await chat.PostAsync(new { type = "event", name = WebChatInboundMapper.LanguageEvent, value = "en", channelData = OurPage });
        var english = await chat.WaitForBotAsync("Switched to English");
        await chat.PostAsync(new { type = "event", name = WebChatInboundMapper.LanguageEvent, value = "en", channelData = OurPage });
        await chat.PostAsync(new { type = "message", text = "/help", channelData = OurPage });
        var help = await chat.WaitForBotAsync("/report");
        await chat.PostAsync(new { type = "event", name = WebChatInboundMapper.LanguageEvent, value = "vi", channelData = OurPage });
        var vietnamese = await chat.WaitForBotAsync("Đã chuyển sang tiếng Việt");

        Assert.Equal(["vi-VN", "en-US", "en-US", "vi-VN"], new[] { greeting, english, help, vietnamese }.Select(a => (string?)a["locale"]));
        Assert.Contains("🌐 Tiếng Việt", help["suggestedActions"]!["actions"]!.AsArray().Select(a => (string?)a!["title"]));
        await using var db = host.NewDbContext();
        Assert.Equal("vi", await db.Residents.Select(r => r.Language).SingleAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Location_sharing_is_offered_only_to_a_client_that_can_share_one_and_the_others_are_asked_to_type_the_place(bool canShare)
    {
        await using var host = await WebChatTestHost.StartAsync();
        using var chat = await WebChatConversation.StartAsync(host);
        object? channelData = canShare ? OurPage : null;

        await chat.PostAsync(new { type = "message", text = "/phananh", channelData });
        var categories = await chat.WaitForBotAsync("Bước 1/4");
        var lighting = categories["attachments"]![0]!["content"]!["buttons"]!.AsArray()
            .Single(b => ((string?)b!["value"]!["data"])!.StartsWith("r.cat:lighting:", StringComparison.Ordinal))!;
        await chat.PostAsync(new { type = "message", value = lighting["value"]!.DeepClone(), channelData });
        var where = await chat.WaitForBotAsync("Bước 2/4");
        await chat.PostAsync(new { type = "message", text = "chợ Hà Nội", channelData });
        var unknown = await chat.WaitForBotAsync("Chưa tìm thấy");

        var actions = where["suggestedActions"]?["actions"]?.AsArray() ?? [];
        var offered = actions.Any(a => (string?)a!["value"]?["action"] == WebChatOutboundMapper.ShareLocationAction);
        Assert.Equal(canShare, offered);
        Assert.Equal(canShare, ((string?)where["text"])!.Contains("📍 Gửi vị trí", StringComparison.Ordinal));
        Assert.Equal(canShare, ((string?)unknown["text"])!.Contains("📍 Gửi vị trí", StringComparison.Ordinal));
        Assert.Contains("gõ", (string?)where["text"], StringComparison.Ordinal);
    }
}
