using System.Net;
using System.Text;
using ResidentBot.Bot.Channels.Telegram;
using ResidentBot.Bot.Tests.Fakes;

namespace ResidentBot.Bot.Tests.Channels.Telegram;

/// <summary>
/// Telegram keeps one webhook, and so one secret, per bot: every host behind the load balancer must check the one that
/// was registered last. Two hosts on one database stand for a cluster.
/// </summary>
public sealed class TelegramSharedSecretTests : IAsyncLifetime
{
    private const string Url = "https://bot.example.vn/telegram/webhook";
    private readonly string folder = Directory.CreateTempSubdirectory("residentbot-telegram-").FullName;
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Hosts_without_a_configured_secret_register_the_one_secret_they_share_and_both_accept_it()
    {
        await using var first = await TelegramHost.StartAsync(_api, Url, folder: folder);
        await first.StartupCompleted;
        await using var second = await TelegramHost.StartAsync(_api, Url, folder: folder);
        await second.StartupCompleted;

        var registered = _api.CallsTo("setWebhook").Select(c => c.String("secret_token")).ToList();
        Assert.Equal(2, registered.Count);
        Assert.Equal(registered[0], registered[1]);
        Assert.True(registered[0]!.Length >= 32);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(first, registered[0], updateId: 1));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(second, registered[0], updateId: 2));
    }

    [Fact]
    public async Task A_host_configured_with_another_secret_does_not_register_it_and_keeps_accepting_the_registered_one()
    {
        await using var first = await TelegramHost.StartAsync(_api, Url, "first-secret_0123456789", folder: folder);
        await first.StartupCompleted;
        await using var second = await TelegramHost.StartAsync(_api, Url, "other-secret_0123456789", folder: folder);
        await second.StartupCompleted;

        var registered = Assert.Single(_api.CallsTo("setWebhook"));
        Assert.Equal("first-secret_0123456789", registered.String("secret_token"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(second, "first-secret_0123456789", updateId: 1));
        Assert.NotEqual(HttpStatusCode.OK, await PostAsync(second, "other-secret_0123456789", updateId: 2));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(first, "first-secret_0123456789", updateId: 3));
    }

    private static async Task<HttpStatusCode> PostAsync(TelegramHost host, string? secret, int updateId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoint.Path)
        {
            Content = new StringContent(FakeUpdates.Text(1, "hi", updateId: updateId).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        using var response = await host.Http.SendAsync(request);
        return response.StatusCode;
    }
}
