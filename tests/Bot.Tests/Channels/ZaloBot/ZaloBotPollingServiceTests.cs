using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.ZaloBot;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Fakes.ZaloBot;

namespace ResidentBot.Bot.Tests.Channels.ZaloBot;

public sealed class ZaloBotPollingServiceTests : IAsyncLifetime
{
    private const string Lan = "e4ea2cd5189df1c3a88c";
    private readonly FakeTimeProvider _time = new();
    private FakeZaloBotApi _api = null!;
    private ServiceProvider _services = null!;
    private OrderSink _sink = null!;
    private ZaloBotPollingService _polling = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeZaloBotApi.StartAsync();
        _sink = new OrderSink(_api);
        var options = Options.Create(new ZaloBotOptions { Token = FakeZaloBotApi.Token, BaseUrl = _api.BaseUrl.ToString(), PollingTimeoutSeconds = 1 });
        var collection = new ServiceCollection().AddSingleton<IInboundSink>(_sink);
        collection.AddHttpClient(ZaloBotClient.HttpClientName);
        _services = collection.BuildServiceProvider();
        _polling = new ZaloBotPollingService(new ZaloBotClient(_services.GetRequiredService<IHttpClientFactory>(), options),
            new ZaloBotUpdateMapper(options), _services.GetRequiredService<IServiceScopeFactory>(), options, _time,
            NullLogger<ZaloBotPollingService>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _polling.StopAsync(CancellationToken.None);
        _polling.Dispose();
        await _services.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Events_reach_the_inbox_one_per_call_in_order_with_their_json_after_the_webhook_is_deleted()
    {
        var text = FakeZaloBotUpdates.Text(Lan, "Cống bị tắc");
        var photo = FakeZaloBotUpdates.Image(Lan, "https://photo.zadn.vn/p.jpg", "Ảnh cống");
        var sticker = FakeZaloBotUpdates.Sticker(Lan);
        foreach (var update in new[] { text, photo, sticker })
        {
            _api.Enqueue(update);
        }

        await _polling.StartAsync(CancellationToken.None);
        await _sink.WaitForAsync(3);

        Assert.Equal("deleteWebhook", _api.Calls[0].Method);
        Assert.Equal([InboundKind.Text, InboundKind.Photo, InboundKind.Unsupported], _sink.Accepted.Select(a => a.Message.Kind));
        Assert.Equal(new[] { text, photo, sticker }.Select(FakeZaloBotUpdates.MessageId), _sink.Accepted.Select(a => a.Message.UpdateId));
        Assert.Equal("Ảnh cống", (string?)JsonNode.Parse(_sink.Accepted[1].Raw)!["message"]!["caption"]);
        Assert.Equal([1, 2, 3], _sink.PollsWhenAccepted);
    }

    [Fact]
    public async Task An_event_the_inbox_refuses_is_held_and_retried_before_the_next_one_is_asked_for()
    {
        var first = FakeZaloBotUpdates.Text(Lan, "Ngập nước");
        var second = FakeZaloBotUpdates.Text(Lan, "Vẫn còn ngập");
        _api.Enqueue(first);
        _api.Enqueue(second);
        _sink.FailNext(2);

        await _polling.StartAsync(CancellationToken.None);
        await PumpUntil(() => _sink.Accepted.Count == 2);

        // The platform handed the first event over once; it was kept through two failures and stored before the next poll.
        Assert.Equal(4, _sink.Attempts);
        Assert.Equal([FakeZaloBotUpdates.MessageId(first), FakeZaloBotUpdates.MessageId(second)], _sink.Accepted.Select(a => a.Message.UpdateId));
        Assert.Equal([1, 2], _sink.PollsWhenAccepted);
        Assert.Equal(0, _api.PendingCount);
    }

    [Fact]
    public async Task Polls_that_time_out_with_nothing_are_followed_by_more_until_an_event_comes()
    {
        await _polling.StartAsync(CancellationToken.None);
        await _api.WaitForCallsAsync("getUpdates", 3, TimeSpan.FromSeconds(15));

        _api.Enqueue(FakeZaloBotUpdates.Text(Lan, "Muộn một chút"));
        await _sink.WaitForAsync(1, TimeSpan.FromSeconds(15));

        Assert.Contains(_api.CallsTo("getUpdates"), c => c.String("timeout") == "1" && !c.Ok);
        Assert.Equal("Muộn một chút", _sink.Accepted[0].Message.Text);
    }

    [Fact]
    public async Task Polling_survives_server_errors_and_a_proxy_page_and_then_delivers()
    {
        _api.FailNext("getUpdates", 2, FakeFailure.ServerError());
        _api.FailNext("getUpdates", 1, FakeFailure.Proxy(502));
        _api.Enqueue(FakeZaloBotUpdates.Text(Lan, "Đèn hỏng"));

        await _polling.StartAsync(CancellationToken.None);
        await PumpUntil(() => _sink.Accepted.Count == 1);

        Assert.Equal([500, 500, 502], _api.CallsTo("getUpdates").Take(3).Select(c => c.StatusCode));
    }

    [Fact]
    public async Task Something_that_is_not_an_event_is_dropped_and_polling_goes_on()
    {
        var noChat = FakeZaloBotUpdates.Text(Lan, "không có chat");
        noChat["message"]!.AsObject().Remove("chat");
        _api.Enqueue(noChat);
        _api.Enqueue(new JsonObject { ["event_name"] = "message.text.received", ["message"] = new JsonObject { ["message_id"] = new JsonArray(1) } });
        _api.Enqueue(FakeZaloBotUpdates.Text(Lan, "Tin thật"));

        await _polling.StartAsync(CancellationToken.None);
        await _sink.WaitForAsync(1);

        Assert.Equal("Tin thật", Assert.Single(_sink.Accepted).Message.Text);
    }

    /// <summary>Moves fake time on so backoff delays elapse, until the condition holds.</summary>
    private async Task PumpUntil(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, cts.Token); // real time for the service to reach its next fake-time delay before time moves again (no signal marks that)
        }
    }

    /// <summary>A recording inbox that also notes how many getUpdates calls had been made when each event was stored.</summary>
    private sealed class OrderSink(FakeZaloBotApi api) : IInboundSink
    {
        private readonly Telegram.RecordingSink _inner = new();
        private readonly List<int> _polls = [];

        public IReadOnlyList<(InboundMessage Message, string Raw, bool Fresh)> Accepted => _inner.Accepted;

        public int Attempts => _inner.Attempts;

        public IReadOnlyList<int> PollsWhenAccepted
        {
            get
            {
                lock (_polls)
                {
                    return [.. _polls];
                }
            }
        }

        public void FailNext(int count) => _inner.FailNext(count);

        public Task WaitForAsync(int count, TimeSpan? timeout = null) => _inner.WaitForAsync(count, timeout);

        public async Task<bool> AcceptAsync(InboundMessage message, string rawPayload, CancellationToken cancellationToken)
        {
            var polls = api.CallsTo("getUpdates").Count(c => c.Ok);
            var fresh = await _inner.AcceptAsync(message, rawPayload, cancellationToken);
            lock (_polls)
            {
                _polls.Add(polls);
            }

            return fresh;
        }
    }
}
