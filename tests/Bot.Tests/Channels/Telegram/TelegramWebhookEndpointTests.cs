using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.Telegram;
using ResidentBot.Bot.Tests.Fakes;

namespace ResidentBot.Bot.Tests.Channels.Telegram;

public sealed class TelegramWebhookEndpointTests : IAsyncLifetime
{
    private const string Secret = "webhook-secret_0123456789abcdefABCDEF";
    private FakeBotApi _api = null!;
    private TelegramHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _host = await TelegramHost.StartAsync(_api, "https://bot.example.vn/telegram/webhook", Secret);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    private async Task<HttpStatusCode> Post(HttpContent content, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoint.Path) { Content = content };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        }

        using var response = await _host.Http.SendAsync(request);
        return response.StatusCode;
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    [Fact]
    public async Task Update_with_the_right_secret_is_accepted_and_handed_to_the_sink()
    {
        var status = await Post(Json(FakeUpdates.Text(5551234, "Cây đổ chắn đường", updateId: 501)));

        Assert.Equal(HttpStatusCode.OK, status);
        var (message, raw, _) = Assert.Single(_host.Sink.Accepted);
        Assert.Equal(("501", InboundKind.Text), (message.UpdateId, message.Kind));
        Assert.Equal("Cây đổ chắn đường", (string?)JsonNode.Parse(raw)!["message"]!["text"]);
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData(null)]
    public async Task Wrong_or_missing_secret_is_forbidden_and_nothing_is_stored(string? secret)
    {
        var status = await Post(Json(FakeUpdates.Text(5551234, "x")), secret);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(0, _host.Sink.Attempts);
    }

    [Fact]
    public async Task Body_over_one_megabyte_is_refused_as_too_large()
    {
        var status = await Post(Json(FakeUpdates.Text(5551234, new string('a', TelegramWebhookEndpoint.MaxBodyBytes))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(0, _host.Sink.Attempts);
    }

    [Fact]
    public async Task Same_update_twice_reaches_the_sink_twice_and_the_sink_reports_the_duplicate()
    {
        var update = FakeUpdates.Callback(5551234, "confirm:42", updateId: 900);

        Assert.Equal(HttpStatusCode.OK, await Post(Json(update)));
        Assert.Equal(HttpStatusCode.OK, await Post(Json(update)));

        Assert.Equal([true, false], _host.Sink.Accepted.Select(a => a.Fresh));
    }

    [Fact]
    public async Task Body_that_is_not_an_update_is_acknowledged_so_telegram_stops_redelivering()
    {
        Assert.Equal(HttpStatusCode.OK, await Post(new StringContent("{not json", Encoding.UTF8, "application/json")));
        Assert.Equal(HttpStatusCode.OK, await Post(JsonContent.Create(new { update_id = "abc" })));
        Assert.Equal(0, _host.Sink.Attempts);
    }

    [Fact]
    public async Task Update_with_out_of_range_values_is_acknowledged_not_500()
    {
        var dateTooLarge = FakeUpdates.Text(5551234, "x", updateId: 8);
        dateTooLarge["message"]!["date"] = long.MaxValue;
        var idOfWrongType = FakeUpdates.Text(5551234, "x", updateId: 9);
        idOfWrongType["message"]!["chat"] = new JsonArray(1, "x", null);

        Assert.Equal(HttpStatusCode.OK, await Post(Json(dateTooLarge)));
        Assert.Equal(HttpStatusCode.OK, await Post(Json(idOfWrongType)));
        Assert.Equal(0, _host.Sink.Attempts);
    }

    [Fact]
    public async Task Inbox_failure_answers_500_so_telegram_redelivers()
    {
        _host.Sink.FailNext(1);

        Assert.Equal(HttpStatusCode.InternalServerError, await Post(Json(FakeUpdates.Text(5551234, "x", updateId: 7))));
        Assert.Equal(HttpStatusCode.OK, await Post(Json(FakeUpdates.Text(5551234, "x", updateId: 7))));
        Assert.Single(_host.Sink.Accepted);
    }
}
