using System.Net;
using System.Text.Json;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

public sealed class WebChatRestartTests
{
    [Fact]
    public async Task After_a_restart_a_client_reconnects_with_its_token_and_watermark_and_gets_only_what_it_missed()
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-webchat-restart-").FullName;
        string conversation, token;
        await using (var first = await WebChatTestHost.StartAsync(folder: folder))
        {
            using var http = first.CreateClient();
            (conversation, token) = await first.NewTokenAsync(http);
            await WebChatTokenTests.StartAsync(http, token);
            using var sent = await http.SendAsync(WebChatTestHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities", token,
                new { type = "message", text = "/start" }));
            await WebChatPageTests.WaitForBotTextAsync(http, conversation, token);
        }

        await using var second = await WebChatTestHost.StartAsync(folder: folder);
        using var again = second.CreateClient();
        using var reconnect = await again.SendAsync(WebChatTestHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation}?watermark=1", token));
        using var missed = await again.SendAsync(WebChatTestHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities?watermark=1", token));

        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        using var set = JsonDocument.Parse(await missed.Content.ReadAsStringAsync());
        var activities = set.RootElement.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal("bot", Assert.Single(activities).GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("2", set.RootElement.GetProperty("watermark").GetString());
    }
}
