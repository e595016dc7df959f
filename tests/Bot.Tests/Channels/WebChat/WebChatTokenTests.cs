using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Channels.WebChat;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

public sealed class WebChatTokenTests
{
    [Fact]
    public async Task Expired_forged_missing_and_other_conversations_tokens_are_refused_and_nothing_is_stored()
    {
        await using var host = await WebChatTestHost.StartAsync();
        using var http = host.CreateClient();
        var (mine, token) = await host.NewTokenAsync(http);
        var (theirs, theirToken) = await host.NewTokenAsync(http);
        await StartAsync(http, theirToken);

        var past = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(-2));
        var expired = new WebChatTokens(host.Services.GetRequiredService<WebChatKey>(),
            host.Services.GetRequiredService<IOptions<WebChatOptions>>(), past).Issue(mine, "dl_someone");
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var message = new { type = "message", text = "xin chào" };

        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(http, $"/v3/directline/conversations/{mine}/activities", expired, message));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, $"/v3/directline/conversations/{mine}/activities", forged, message));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, $"/v3/directline/conversations/{mine}/activities", null, message));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(http, $"/v3/directline/conversations/{theirs}/activities", token, message));
        using (var read = await http.SendAsync(WebChatTestHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{theirs}/activities", token)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(http, "/v3/directline/tokens/refresh", expired, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, "/v3/directline/tokens/generate", forged, null));
        await using var db = host.NewDbContext();
        Assert.Empty(await db.WebChatActivities.ToListAsync());
        Assert.Empty(await db.InboxEntries.ToListAsync());
        Assert.Equal([theirs], await db.WebChatConversations.Select(c => c.Id).ToListAsync());
    }

    [Fact]
    public async Task A_flood_of_messages_is_answered_with_429_before_anything_is_stored()
    {
        await using var host = await WebChatTestHost.StartAsync(settings: new Dictionary<string, string?> { ["WebChat:PostsPerMinute"] = "5" });
        using var http = host.CreateClient();
        var (conversation, token) = await host.NewTokenAsync(http);
        await StartAsync(http, token);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add(await PostAsync(http, $"/v3/directline/conversations/{conversation}/activities", token, new { type = "message", text = $"tin {i}" }));
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        await using var db = host.NewDbContext();
        Assert.Equal(5, await db.InboxEntries.CountAsync(e => e.Channel == "webchat"));
        Assert.Equal(5, await db.WebChatActivities.CountAsync(a => a.ConversationId == conversation && a.Json.Contains("\"role\":\"user\"")));
    }

    [Fact]
    public async Task The_sender_is_the_tokens_user_whatever_the_activity_claims_and_oversized_text_is_refused()
    {
        await using var host = await WebChatTestHost.StartAsync();
        using var http = host.CreateClient();
        var (conversation, token) = await host.NewTokenAsync(http);
        await StartAsync(http, token);

        var ok = await PostAsync(http, $"/v3/directline/conversations/{conversation}/activities", token,
            new { type = "message", text = "xin chào", from = new { id = "victim", role = "user" } });
        var tooLong = await PostAsync(http, $"/v3/directline/conversations/{conversation}/activities", token,
            new { type = "message", text = new string('a', 4097) });

        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong);
        await using var db = host.NewDbContext();
        var owner = await db.WebChatConversations.Where(c => c.Id == conversation).Select(c => c.UserId).SingleAsync();
        Assert.Equal(conversation, owner); // like a Telegram private chat: whoever addresses the user reaches the chat
        var entry = await db.InboxEntries.SingleAsync();
        Assert.Contains($"\"userId\":\"{owner}\"", entry.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("victim", entry.Payload, StringComparison.Ordinal);
    }

    internal static async Task StartAsync(HttpClient http, string token)
    {
        using var response = await http.SendAsync(WebChatTestHost.Request(HttpMethod.Post, "/v3/directline/conversations", token));
        response.EnsureSuccessStatusCode();
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string path, string? token, object? body)
    {
        using var response = await http.SendAsync(WebChatTestHost.Request(HttpMethod.Post, path, token, body));
        return response.StatusCode;
    }
}
