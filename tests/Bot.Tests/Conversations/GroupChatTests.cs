using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Inbox;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;

namespace ResidentBot.Bot.Tests.Conversations;

/// <summary>
/// Reports and cases belong to one person, so in a group or supergroup the bot only points to a private chat, answers
/// only what is addressed to it, and keeps nothing about the group or its members.
/// </summary>
public sealed class GroupChatTests : IAsyncLifetime
{
    private const string Secret = "group-test-secret_0123456789abcdef";
    private const long GroupA = -1001234567890;
    private const long GroupB = -1009876543210;
    private const long AnonymousAdmin = 1087968824; // Telegram's GroupAnonymousBot: every anonymous admin of every group
    private const string Link = "https://t.me/" + FakeBotApi.BotUsername + "?start=group";

    private BotTestHost host = null!;
    private HttpClient http = null!;
    private int updateId;

    public async Task InitializeAsync()
    {
        var settings = ResidentChat.FastOutbox();
        settings["Telegram:WebhookUrl"] = "https://bot.example.test/telegram/webhook";
        settings["Telegram:SecretToken"] = Secret;
        host = await BotTestHost.StartAsync(settings);
        http = host.CreateClient();
        await host.Api.WaitForCallsAsync("setWebhook", 1); // getMe has answered: the bot knows its username
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Members_of_a_group_addressing_the_bot_get_a_link_to_a_private_chat_and_nothing_is_stored()
    {
        await PostAsync(Message(GroupA, From(5001), "/phananh@" + FakeBotApi.BotUsername, command: true));
        await PostAsync(Message(GroupA, From(5002), "Đèn đường ngõ 5 hỏng rồi")); // talk among members: not for the bot
        await PostAsync(Message(GroupA, From(5002), "@" + FakeBotApi.BotUsername + " đèn đường hỏng", mention: true));

        var sent = await host.Api.WaitForCallsAsync("sendMessage", 2);

        Assert.All(sent, m => Assert.Equal(GroupA, m.Long("chat_id")));
        Assert.All(sent, m => Assert.Contains(Link, m.String("text"), StringComparison.Ordinal));
        Assert.All(sent, m => Assert.Null(m.Json("reply_markup")));
        await AssertNothingKeptAsync(inboxEntries: 2);
    }

    [Fact]
    public async Task Anonymous_admins_of_two_groups_are_not_one_resident()
    {
        await PostAsync(Message(GroupA, Anonymous(), "/phananh", command: true));
        await PostAsync(Message(GroupB, Anonymous(), "/status HD-2026-000001", command: true));

        var sent = await host.Api.WaitForCallsAsync("sendMessage", 2);

        Assert.Equal([GroupA, GroupB], sent.Select(m => m.Long("chat_id") ?? 0).Order().Reverse());
        Assert.All(sent, m => Assert.Contains(Link, m.String("text"), StringComparison.Ordinal));
        await AssertNothingKeptAsync(inboxEntries: 2);
    }

    [Fact]
    public async Task Added_to_a_group_the_bot_says_once_where_to_reach_it()
    {
        await PostAsync(FakeUpdates.Update(++updateId, "my_chat_member", new JsonObject
        {
            ["chat"] = Group(GroupA),
            ["from"] = From(5001),
            ["date"] = 1_760_000_000,
            ["old_chat_member"] = new JsonObject { ["user"] = Bot(), ["status"] = "left" },
            ["new_chat_member"] = new JsonObject { ["user"] = Bot(), ["status"] = "member" },
        }));

        var sent = Assert.Single(await host.Api.WaitForCallsAsync("sendMessage", 1));

        Assert.Equal(GroupA, sent.Long("chat_id"));
        Assert.StartsWith("Xin chào!", sent.String("text"), StringComparison.Ordinal);
        await AssertNothingKeptAsync(inboxEntries: 1);
    }

    [Fact]
    public async Task A_user_stopping_the_bot_in_a_private_chat_gets_no_answer()
    {
        await PostAsync(FakeUpdates.Update(++updateId, "my_chat_member", new JsonObject
        {
            ["chat"] = new JsonObject { ["id"] = 5001, ["type"] = "private", ["first_name"] = "Hà" },
            ["from"] = From(5001),
            ["date"] = 1_760_000_000,
            ["old_chat_member"] = new JsonObject { ["user"] = Bot(), ["status"] = "member" },
            ["new_chat_member"] = new JsonObject { ["user"] = Bot(), ["status"] = "kicked", ["until_date"] = 0 },
        }));
        await PostAsync(Message(GroupA, From(5002), "/start", command: true)); // handled after it, in order

        var sent = Assert.Single(await host.Api.WaitForCallsAsync("sendMessage", 1));

        Assert.Equal(GroupA, sent.Long("chat_id"));
        await AssertNothingKeptAsync(inboxEntries: 1);
    }

    [Fact]
    public async Task A_button_pressed_in_a_group_is_answered_to_the_presser_alone()
    {
        await PostAsync(FakeUpdates.Update(++updateId, "callback_query", new JsonObject
        {
            ["id"] = "cb-group",
            ["from"] = From(5001),
            ["message"] = new JsonObject
            {
                ["message_id"] = 7, ["from"] = Bot(), ["chat"] = Group(GroupA), ["date"] = 1_760_000_000, ["text"] = "Chọn loại vấn đề",
            },
            ["chat_instance"] = "ci-group",
            ["data"] = "anything",
        }));

        var answer = Assert.Single(await host.Api.WaitForCallsAsync("answerCallbackQuery", 1));

        Assert.Equal("cb-group", answer.String("callback_query_id"));
        Assert.Equal("true", answer.String("show_alert"), ignoreCase: true);
        Assert.Empty(host.Api.CallsTo("sendMessage"));
        await AssertNothingKeptAsync(inboxEntries: 1);
    }

    private async Task PostAsync(JsonObject update)
    {
        using var response = await WebhookPosts.PostAsync(http, update.ToJsonString(), Secret);
        response.EnsureSuccessStatusCode();
    }

    private async Task AssertNothingKeptAsync(int inboxEntries)
    {
        await host.WaitForAsync((db, ct) => db.InboxEntries.CountAsync(e => e.HandledAt != null, ct), handled => handled == inboxEntries);
        await using var db = host.NewDbContext();
        Assert.Equal(inboxEntries, await db.InboxEntries.CountAsync());
        Assert.Equal(0, await db.Residents.CountAsync());
        Assert.Equal(0, await db.ConversationStates.CountAsync());
        Assert.Equal(0, await db.Cases.CountAsync());
    }

    private JsonObject Message(long group, JsonObject from, string text, bool command = false, bool mention = false)
    {
        var message = new JsonObject
        {
            ["message_id"] = ++updateId,
            ["from"] = from,
            ["chat"] = Group(group),
            ["date"] = 1_760_000_000,
            ["text"] = text,
        };
        if (from["id"]!.GetValue<long>() == AnonymousAdmin)
        {
            message["sender_chat"] = Group(group);
        }

        var length = text.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? space : text.Length;
        if (command || mention)
        {
            message["entities"] = new JsonArray(new JsonObject { ["type"] = command ? "bot_command" : "mention", ["offset"] = 0, ["length"] = length });
        }

        return FakeUpdates.Update(updateId, "message", message);
    }

    private static JsonObject Group(long id) => new() { ["id"] = id, ["type"] = "supergroup", ["title"] = "Tổ dân phố " + (-id % 100) };

    private static JsonObject From(long id) =>
        new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = "Hà", ["language_code"] = "vi" };

    private static JsonObject Anonymous() =>
        new() { ["id"] = AnonymousAdmin, ["is_bot"] = true, ["first_name"] = "Group", ["username"] = "GroupAnonymousBot" };

    private static JsonObject Bot() =>
        new() { ["id"] = FakeBotApi.BotId, ["is_bot"] = true, ["first_name"] = "Resident Bot", ["username"] = FakeBotApi.BotUsername };
}
