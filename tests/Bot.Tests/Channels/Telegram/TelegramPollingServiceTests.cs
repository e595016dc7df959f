using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.Telegram;
using ResidentBot.Bot.Tests.Fakes;

namespace ResidentBot.Bot.Tests.Channels.Telegram;

public sealed class TelegramPollingServiceTests : IAsyncLifetime
{
    private const long Lan = 5551234;
    private readonly RecordingSink _sink = new();
    private readonly FakeTimeProvider _time = new();
    private FakeBotApi _api = null!;
    private ServiceProvider _services = null!;
    private TelegramPollingService _polling = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _services = new ServiceCollection().AddSingleton<IInboundSink>(_sink).BuildServiceProvider();
        _polling = new TelegramPollingService(_api.CreateClient(), new TelegramUpdateMapper(new TelegramBotIdentity(FakeBotApi.BotUsername)),
            _services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new TelegramOptions { PollingTimeoutSeconds = 1 }),
            _time, NullLogger<TelegramPollingService>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _polling.StopAsync(CancellationToken.None);
        _polling.Dispose();
        await _services.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Enqueued_updates_reach_the_sink_in_order_with_their_raw_json()
    {
        var first = _api.EnqueueUpdate(FakeUpdates.Command(Lan, "/start"));
        var second = _api.EnqueueUpdate(FakeUpdates.Text(Lan, "Cống bị tắc"));
        var third = _api.EnqueueUpdate(FakeUpdates.Callback(Lan, "cat:drain"));

        await _polling.StartAsync(CancellationToken.None);
        await _sink.WaitForAsync(3);

        Assert.Equal([$"{first}", $"{second}", $"{third}"], _sink.Accepted.Select(a => a.Message.UpdateId));
        Assert.Equal([InboundKind.Command, InboundKind.Text, InboundKind.ButtonPress], _sink.Accepted.Select(a => a.Message.Kind));
        var raw = JsonNode.Parse(_sink.Accepted[1].Raw)!;
        Assert.Equal(("Cống bị tắc", second), ((string?)raw["message"]!["text"], (int?)raw["update_id"]));
    }

    [Fact]
    public async Task Webhook_is_deleted_before_the_first_poll()
    {
        await _polling.StartAsync(CancellationToken.None);
        await _api.WaitForCallsAsync("getUpdates", 1);

        Assert.Equal("deleteWebhook", _api.Calls[0].Method);
    }

    [Fact]
    public async Task Offset_advances_only_after_the_sink_accepted_so_a_failed_update_is_fetched_again()
    {
        _sink.FailNext(1);
        var id = _api.EnqueueUpdate(FakeUpdates.Text(Lan, "Ngập nước"));

        await _polling.StartAsync(CancellationToken.None);
        await PumpUntil(() => _sink.Accepted.Count == 1);
        await _api.WaitForCallsAsync("getUpdates", 3);

        Assert.Equal(2, _sink.Attempts);
        Assert.Equal($"{id}", Assert.Single(_sink.Accepted).Message.UpdateId);
        var offsets = _api.CallsTo("getUpdates").Select(c => c.Long("offset")).ToList();
        Assert.Equal([null, null], offsets.Take(2));
        Assert.Equal(id + 1, offsets[2]);
    }

    [Fact]
    public async Task Polling_survives_server_errors_and_then_delivers()
    {
        _api.FailNext("getUpdates", 3, FakeFailure.ServerError());
        _api.EnqueueUpdate(FakeUpdates.Location(Lan, 21.0285, 105.8542));

        await _polling.StartAsync(CancellationToken.None);
        await PumpUntil(() => _sink.Accepted.Count == 1);

        Assert.Equal(InboundKind.Location, _sink.Accepted[0].Message.Kind);
        Assert.Equal(3, _api.CallsTo("getUpdates").Count(c => c.StatusCode == 500));
    }

    [Fact]
    public async Task Stopping_ends_a_long_poll_promptly()
    {
        await _polling.StartAsync(CancellationToken.None);
        await _api.WaitForCallsAsync("deleteWebhook", 1);
        var clock = Stopwatch.StartNew();

        await _polling.StopAsync(CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2));
        Assert.True(_polling.ExecuteTask!.IsCompletedSuccessfully);
    }

    /// <summary>Moves fake time on so backoff delays elapse, until the condition holds.</summary>
    private async Task PumpUntil(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, cts.Token); // real time for the service to reach its next fake-time delay before time moves again (no signal marks that)
        }
    }
}
