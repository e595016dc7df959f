using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.Telegram;
using ResidentBot.Bot.Tests.Fakes;

namespace ResidentBot.Bot.Tests.Channels.Telegram;

public sealed class TelegramStartupServiceTests : IAsyncLifetime
{
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Startup_publishes_commands_in_vietnamese_and_english_and_sets_the_webhook_with_its_secret()
    {
        await using var host = await TelegramHost.StartAsync(_api, "https://bot.example.vn/telegram/webhook", "configured-secret_0123456789abcdef");
        await host.StartupCompleted;

        var commands = _api.CallsTo("setMyCommands");
        Assert.Equal([null, "en"], commands.Select(c => c.String("language_code")));
        Assert.Equal("Phản ánh một vấn đề ở địa phương", Description(commands[0], "report"));
        Assert.Equal("Report a local problem", Description(commands[1], "report"));
        var webhook = Assert.Single(_api.CallsTo("setWebhook"));
        Assert.Equal(("https://bot.example.vn/telegram/webhook", "configured-secret_0123456789abcdef"), (webhook.String("url"), webhook.String("secret_token")));
        Assert.Equal("[\"message\",\"callback_query\",\"my_chat_member\"]", webhook.Json("allowed_updates")!.ToJsonString());
        Assert.Equal(FakeBotApi.BotUsername, host.App.Services.GetRequiredService<TelegramBotIdentity>().Username);
    }

    [Fact]
    public async Task Without_a_configured_secret_a_long_random_one_is_generated_and_enforced()
    {
        await using var host = await TelegramHost.StartAsync(_api, "https://bot.example.vn/telegram/webhook");
        await host.StartupCompleted;

        var secret = Assert.Single(_api.CallsTo("setWebhook")).String("secret_token")!;
        Assert.True(secret.Length >= 32);
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoint.Path)
        {
            Content = new StringContent(FakeUpdates.Text(1, "hi", updateId: 3).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Polling_mode_sets_no_webhook_and_maps_no_webhook_endpoint()
    {
        await using var host = await TelegramHost.StartAsync(_api, webhookUrl: null);
        await host.StartupCompleted;
        await _api.WaitForCallsAsync("getUpdates", 1);

        Assert.Empty(_api.CallsTo("setWebhook"));
        using var response = await host.Http.PostAsync(TelegramWebhookEndpoint.Path, new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.IsType<TelegramSender>(host.App.Services.GetRequiredService<IChannelSender>());
    }

    [Fact]
    public async Task Startup_retries_until_telegram_answers()
    {
        _api.FailNext("getMe", 1, FakeFailure.ServerError());
        await using var host = await TelegramHost.StartAsync(_api, webhookUrl: null);

        await host.StartupCompleted;

        Assert.Equal(2, _api.CallsTo("getMe").Count);
    }

    [Fact]
    public void Without_a_token_telegram_is_off_and_registers_no_sender()
    {
        var services = new ServiceCollection().AddTelegramChannel(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

        Assert.DoesNotContain(services, s => s.ServiceType == typeof(IChannelSender));
        Assert.Single(services, s => s.ServiceType == typeof(IHostedService));
    }

    private static string? Description(FakeBotApiCall call, string command) =>
        (string?)call.Json("commands")!.AsArray().Single(c => (string?)c!["command"] == command)!["description"];
}
