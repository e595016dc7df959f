using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.WebChat;
using ResidentBot.Bot.Inbox;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

/// <summary>Direct Line as Microsoft's clients expect it: echoes, edits, button presses, CORS, origins and socket caps.</summary>
public sealed class WebChatProtocolTests
{
    private const string City = "https://city.example.vn";

    [Fact]
    public async Task The_echo_has_the_id_the_post_answered_and_keeps_clientActivityID_and_displayText_but_not_large_values()
    {
        await using var host = await WebChatTestHost.StartAsync();
        using var http = host.CreateClient();
        var (conversation, token) = await host.NewTokenAsync(http);
        await WebChatTokenTests.StartAsync(http, token);

        using var posted = await http.SendAsync(WebChatTestHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities", token, new
        {
            type = "message",
            text = "xin chào",
            value = new { junk = new string('x', 5000) },
            entities = new object[] { new { type = "ClientCapabilities", requiresBotState = true } },
            channelData = new { clientActivityID = "abc123", messageBack = new { displayText = "Chọn" }, other = new string('y', 5000) },
        }));
        var id = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using var read = await http.SendAsync(WebChatTestHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities", token));
        var echo = JsonNode.Parse(await read.Content.ReadAsStringAsync())!["activities"]!.AsArray()
            .Single(a => a!["from"]!["role"]!.GetValue<string>() == "user")!;

        Assert.Equal(id, echo["id"]!.GetValue<string>());
        Assert.Equal("abc123", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("Chọn", echo["channelData"]!["messageBack"]!["displayText"]!.GetValue<string>());
        Assert.Null(echo["channelData"]!["other"]);
        Assert.Null(echo["value"]);
        Assert.Null(echo["entities"]);
        Assert.True(echo.ToJsonString().Length < 1024);
    }

    [Fact]
    public async Task A_button_press_refers_to_the_bots_message_that_carried_the_button_and_an_edit_replaces_it_with_the_same_id()
    {
        await using var host = await WebChatTestHost.StartAsync();
        var (conversation, _, token) = await DirectLineClientTests.SeedConversationWithButtonAsync(host);
        using var http = host.CreateClient();
        var card = await WaitForAsync(http, conversation, token, a => a["attachments"] is not null);
        var button = card["attachments"]![0]!["content"]!["buttons"]![0]!;

        // Pressed twice: the first press repeats the data in the log, and the second still refers to the card.
        foreach (var _ in new[] { 1, 2 })
        {
            using var pressed = await http.SendAsync(WebChatTestHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities", token,
                new { type = "message", value = JsonNode.Parse(button["value"]!.ToJsonString()), channelData = new { messageBack = new { displayText = "Thử nút" } } }));
            var pressId = JsonDocument.Parse(await pressed.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            await using var db = host.NewDbContext();
            var press = InboxPayload.Read(await db.InboxEntries.SingleAsync(e => e.ExternalId == pressId));
            Assert.Equal((InboundKind.ButtonPress, card["id"]!.GetValue<string>(), pressId), (press.Kind, press.MessageId, press.CallbackId));
        }

        // New buttons only (as after acknowledging a case): the same message, its text kept, the old button gone.
        var sender = host.Services.GetRequiredService<WebChatSender>();
        var edited = await sender.SendAsync(conversation, new OutboundMessage
        {
            EditMessageId = card["id"]!.GetValue<string>(),
            Buttons = [[new OutboundButton("Mới", "new-data")]],
        }, CancellationToken.None);
        var revision = await WaitForAsync(http, conversation, token, a => a.ToJsonString().Contains("new-data", StringComparison.Ordinal));

        Assert.Equal(card["id"]!.GetValue<string>(), edited);
        Assert.Equal(card["id"]!.GetValue<string>(), revision["id"]!.GetValue<string>());
        Assert.Equal(card["timestamp"]!.GetValue<string>(), revision["timestamp"]!.GetValue<string>());
        Assert.Equal(card["text"]!.GetValue<string>(), revision["text"]!.GetValue<string>());
        Assert.DoesNotContain(button["value"]!["data"]!.GetValue<string>(), revision.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_of_the_residents_own_press_or_a_message_gone_comes_as_a_new_message()
    {
        await using var host = await WebChatTestHost.StartAsync();
        using var http = host.CreateClient();
        var (conversation, token) = await host.NewTokenAsync(http);
        await WebChatTokenTests.StartAsync(http, token);
        using var posted = await http.SendAsync(WebChatTestHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities", token,
            new { type = "message", text = "xin chào" }));
        var userId = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        var sent = await host.Services.GetRequiredService<WebChatSender>().SendAsync(conversation,
            new OutboundMessage { Text = "Cảm ơn bạn", EditMessageId = userId }, CancellationToken.None);

        Assert.NotEqual(userId, sent);
        var answer = await WaitForAsync(http, conversation, token, a => a["id"]!.GetValue<string>() == sent);
        Assert.Null(answer["channelData"]!["editOf"]);
    }

    [Theory]
    [InlineData("a\n\nb\nc *x* _y_ <b>", "a\n\nb\\\nc \\*x\\* \\_y\\_ \\<b\\>")]
    [InlineData("1. Một\n- hai\n# ba\n\n\n\nHD-2026-000001 -- [x](y)", "1\\. Một\\\n\\- hai\\\n\\# ba\n\nHD-2026-000001 -\\- \\[x\\](y)")]
    public void Plain_text_becomes_markdown_that_renders_as_typed(string plain, string markdown) =>
        Assert.Equal(markdown, WebChatMarkdown.FromPlain(plain));

    [Fact]
    public async Task Preflights_and_responses_allow_the_listed_origins_only_and_websockets_from_other_origins_are_refused()
    {
        await using var host = await WebChatTestHost.StartAsync(settings: new Dictionary<string, string?> { ["WebChat:AllowedOrigins:0"] = City + "/" });
        using var http = host.CreateClient();

        using var allowed = await http.SendAsync(Preflight(City));
        using var other = await http.SendAsync(Preflight("https://evil.example"));
        Assert.True(allowed.IsSuccessStatusCode, allowed.StatusCode.ToString());
        Assert.Equal(City, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));

        using var tokenFromCity = await http.SendAsync(WithOrigin(new HttpRequestMessage(HttpMethod.Post, new Uri("/webchat/token", UriKind.Relative)), City));
        using var tokenFromEvil = await http.SendAsync(WithOrigin(new HttpRequestMessage(HttpMethod.Post, new Uri("/webchat/token", UriKind.Relative)), "https://evil.example"));
        Assert.Equal(City, tokenFromCity.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.Forbidden, tokenFromEvil.StatusCode);

        var token = JsonDocument.Parse(await tokenFromCity.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        var streamUrl = await StreamUrlAsync(http, token);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await ConnectAsync(streamUrl, City));
        Assert.Equal(HttpStatusCode.Forbidden, await ConnectAsync(streamUrl, "https://evil.example"));
    }

    [Fact]
    public async Task A_conversation_may_hold_only_its_share_of_websockets()
    {
        await using var host = await WebChatTestHost.StartAsync(settings: new Dictionary<string, string?> { ["WebChat:MaxSocketsPerConversation"] = "2" });
        using var http = host.CreateClient();
        var (_, token) = await host.NewTokenAsync(http);
        var streamUrl = await StreamUrlAsync(http, token);
        using var first = new ClientWebSocket();
        using var second = new ClientWebSocket();
        await first.ConnectAsync(streamUrl, CancellationToken.None);
        await second.ConnectAsync(streamUrl, CancellationToken.None);

        Assert.Equal(HttpStatusCode.TooManyRequests, await ConnectAsync(streamUrl, origin: null));
        await first.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await ConnectAsync(streamUrl, origin: null));
    }

    /// <summary>Reads the conversation's stream (the push the clients get) until a bot activity matches.</summary>
    internal static async Task<JsonNode> WaitForAsync(HttpClient http, string conversation, string token, Func<JsonNode, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(await StreamUrlAsync(http, token), timeout.Token);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token);
                frame.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            if (frame.Length == 0)
            {
                continue; // keep-alive
            }

            var found = JsonNode.Parse(frame.ToArray())!["activities"]!.AsArray()
                .LastOrDefault(a => a!["from"]!["role"]!.GetValue<string>() == "bot" && a["conversation"]!["id"]!.GetValue<string>() == conversation && predicate(a));
            if (found is not null)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return found;
            }
        }
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = WithOrigin(new HttpRequestMessage(HttpMethod.Options, new Uri("/v3/directline/conversations", UriKind.Relative)), origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        return request;
    }

    private static HttpRequestMessage WithOrigin(HttpRequestMessage request, string origin)
    {
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static async Task<Uri> StreamUrlAsync(HttpClient http, string token)
    {
        using var start = await http.SendAsync(WebChatTestHost.Request(HttpMethod.Post, "/v3/directline/conversations", token));
        return new Uri(JsonDocument.Parse(await start.Content.ReadAsStringAsync()).RootElement.GetProperty("streamUrl").GetString()!);
    }

    private static async Task<HttpStatusCode> ConnectAsync(Uri streamUrl, string? origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        try
        {
            await socket.ConnectAsync(streamUrl, CancellationToken.None);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The status code says why.
        }

        return socket.HttpStatusCode;
    }
}
