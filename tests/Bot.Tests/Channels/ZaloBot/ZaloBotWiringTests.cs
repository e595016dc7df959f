using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.ZaloBot;
using ResidentBot.Bot.Tests.Channels.Telegram;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Fakes.ZaloBot;

namespace ResidentBot.Bot.Tests.Channels.ZaloBot;

public sealed class ZaloBotWiringTests
{
    [Fact]
    public async Task Without_a_token_the_channel_is_off_and_says_so_at_start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddFakeLogging();
        builder.Services.AddSingleton<IInboundSink>(new RecordingSink());
        builder.Services.AddZaloBotChannel(builder.Configuration);
        await using var app = builder.Build();
        app.MapZaloBotWebhook();
        await app.StartAsync();

        Assert.DoesNotContain(app.Services.GetServices<IChannelSender>(), s => s.Channel == ChannelNames.ZaloBot);
        Assert.Contains(app.Services.GetFakeLogCollector().GetSnapshot(),
            r => r.Message.Contains("Zalo bot is off", StringComparison.Ordinal) && r.Message.Contains("ZaloBot__Token", StringComparison.Ordinal));
        await app.StopAsync();
    }

    [Theory]
    [InlineData("ZaloBot:SecretToken", "short")]
    [InlineData("ZaloBot:SecretToken", "has a space")]
    [InlineData("ZaloBot:Token", "not-a-token")]
    [InlineData("ZaloBot:WebhookUrl", "http://bot.example.vn/zalobot/webhook")]
    public async Task A_setting_the_platform_would_refuse_stops_the_start_with_its_name(string key, string value)
    {
        await using var api = await FakeZaloBotApi.StartAsync();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ZaloBotHost.StartAsync(api, ZaloBotHost.PublicWebhookUrl, settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(key, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_secret_a_random_one_is_registered_and_checked()
    {
        await using var api = await FakeZaloBotApi.StartAsync();
        await using var host = await ZaloBotHost.StartAsync(api, ZaloBotHost.PublicWebhookUrl);
        await host.StartupCompleted;

        Assert.InRange(api.WebhookSecret!.Length, 8, 256);
        using var delivered = await api.DeliverAsync(FakeZaloBotUpdates.Text("u1", "Xin chào"), host.Http);
        Assert.Equal(System.Net.HttpStatusCode.OK, delivered.StatusCode);
        Assert.Single(host.Sink.Accepted);
    }

    [Fact]
    public async Task Start_up_retries_until_the_platform_answers()
    {
        await using var api = await FakeZaloBotApi.StartAsync();
        api.FailNext("setWebhook", 1, FakeFailure.ServerError());
        await using var host = await ZaloBotHost.StartAsync(api, ZaloBotHost.PublicWebhookUrl, "mykey-abcxyz");

        await host.StartupCompleted;

        Assert.Equal([500, 200], api.CallsTo("setWebhook").Select(c => c.StatusCode));
        Assert.Equal(ZaloBotHost.PublicWebhookUrl, api.WebhookUrl);
    }

    [Fact]
    public async Task An_invite_points_to_the_bots_link_and_the_person_sends_the_code_themselves()
    {
        await using var api = await FakeZaloBotApi.StartAsync();
        await using var host = await ZaloBotHost.StartAsync(api, settings: new Dictionary<string, string?> { ["ZaloBot:ChatLink"] = "https://zalo.me/s/bot.PhuongTranPhu" });
        await using var bare = await ZaloBotHost.StartAsync(api);

        var entry = host.Services.GetServices<IChannelEntry>().Single(e => e.Channel == ChannelNames.ZaloBot).For("ABC123");
        var none = bare.Services.GetServices<IChannelEntry>().Single(e => e.Channel == ChannelNames.ZaloBot).For("ABC123");

        Assert.Equal(new ChannelEntryPoint(ChannelNames.ZaloBot, "https://zalo.me/s/bot.PhuongTranPhu", CodeInLink: false), entry);
        Assert.Null(none);
    }

    [Fact]
    public async Task The_token_in_every_request_url_is_never_written_to_the_log()
    {
        await using var api = await FakeZaloBotApi.StartAsync();
        api.FailNext("sendMessage", 1, FakeFailure.ServerError());
        // appsettings.json quiets System.Net.Http.HttpClient; open it up so a request line would show.
        var verbose = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace" };
        await using var host = await ZaloBotHost.StartAsync(api, settings: verbose, services: s => s.AddFakeLogging());
        await host.StartupCompleted;

        await Assert.ThrowsAsync<DeliveryException>(() => host.Sender.SendAsync("u1", new OutboundMessage { Text = "Xin chào" }, default));
        await host.Sender.SendAsync("u1", new OutboundMessage { Text = "Xin chào" }, default);

        var records = host.Services.GetFakeLogCollector().GetSnapshot();
        Assert.NotEmpty(records);
        Assert.DoesNotContain(records, r => $"{r.Message} {r.Exception}".Contains(FakeZaloBotApi.Token.Split(':')[1], StringComparison.Ordinal));
    }
}
