using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Tests.Fakes.ZaloBot;

namespace ResidentBot.Bot.Tests.Channels.ZaloBot;

public sealed class ZaloBotWebhookEndpointTests : IAsyncLifetime
{
    private const string Lan = "e4ea2cd5189df1c3a88c";
    private const string Secret = "mykey-abcxyz-0123";
    private FakeZaloBotApi _api = null!;
    private ZaloBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeZaloBotApi.StartAsync();
        _host = await ZaloBotHost.StartAsync(_api, ZaloBotHost.PublicWebhookUrl, Secret);
        await _host.StartupCompleted;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public void Start_up_registers_the_webhook_with_its_secret_and_does_not_poll()
    {
        Assert.Equal((ZaloBotHost.PublicWebhookUrl, Secret), (_api.WebhookUrl, _api.WebhookSecret));
        Assert.Empty(_api.CallsTo("getUpdates"));
    }

    [Fact]
    public async Task A_delivered_event_is_in_the_inbox_before_the_200_with_its_body_as_received()
    {
        var update = FakeZaloBotUpdates.Text(Lan, "Cống bị tắc");

        using var response = await _api.DeliverAsync(update, _host.Http);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (message, raw, _) = Assert.Single(_host.Sink.Accepted);
        Assert.Equal((InboundKind.Text, "Cống bị tắc", FakeZaloBotUpdates.MessageId(update)), (message.Kind, message.Text, message.UpdateId));
        Assert.Equal("Cống bị tắc", (string?)JsonNode.Parse(raw)!["result"]!["message"]!["text"]);
    }

    [Theory]
    [InlineData("wrong-secret-123")]
    [InlineData("mykey-abcxyz-012")]
    [InlineData(null)]
    public async Task A_wrong_or_missing_secret_is_refused_and_nothing_is_stored(string? presented)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/zalobot/webhook")
        {
            Content = JsonContent.Create(FakeZaloBotUpdates.Text(Lan, "Giả mạo")),
        };
        if (presented is not null)
        {
            request.Headers.Add(FakeZaloBotApi.SecretHeader, presented);
        }

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, _host.Sink.Attempts);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[\"a\"]")]
    [InlineData("{\"event_name\":\"message.text.received\",\"message\":{\"message_id\":[1]}}")]
    [InlineData("{\"event_name\":\"message.text.received\"}")]
    public async Task A_body_that_is_not_an_answerable_event_is_acknowledged_and_not_stored(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, _host.Sink.Attempts);
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused_unread()
    {
        var huge = FakeZaloBotUpdates.Text(Lan, new string('a', 1024 * 1024));

        using var response = await PostAsync(huge.ToJsonString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, _host.Sink.Attempts);
    }

    [Fact]
    public async Task An_inbox_failure_answers_500_so_the_platform_delivers_again_and_the_next_delivery_is_stored()
    {
        var update = FakeZaloBotUpdates.Image(Lan, "https://photo.zadn.vn/p.jpg", "Rác ở ngã tư");
        _host.Sink.FailNext(1);

        using var failed = await _api.DeliverAsync(update, _host.Http);
        using var again = await _api.DeliverAsync(update, _host.Http);

        Assert.Equal((HttpStatusCode.InternalServerError, HttpStatusCode.OK), (failed.StatusCode, again.StatusCode));
        Assert.Equal(InboundKind.Photo, Assert.Single(_host.Sink.Accepted).Message.Kind);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_reaches_the_inbox_under_one_key()
    {
        var update = FakeZaloBotUpdates.Text(Lan, "Nước ngập sâu");

        using var first = await _api.DeliverAsync(update, _host.Http);
        using var second = await _api.DeliverAsync(update, _host.Http);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal([true, false], _host.Sink.Accepted.Select(a => a.Fresh));
    }

    private async Task<HttpResponseMessage> PostAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/zalobot/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(FakeZaloBotApi.SecretHeader, Secret);
        return await _host.Http.SendAsync(request);
    }
}
