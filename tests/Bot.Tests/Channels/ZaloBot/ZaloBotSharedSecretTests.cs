using System.Net;
using ResidentBot.Bot.Tests.Fakes.ZaloBot;

namespace ResidentBot.Bot.Tests.Channels.ZaloBot;

/// <summary>
/// The Zalo Bot Platform keeps one webhook, and so one secret, per bot: every host behind the load balancer must check
/// the one that was registered last. Two hosts on one database stand for a cluster.
/// </summary>
public sealed class ZaloBotSharedSecretTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("residentbot-zalobot-").FullName;
    private FakeZaloBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeZaloBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Hosts_without_a_configured_secret_register_the_one_secret_they_share_and_both_accept_it()
    {
        await using var first = await ZaloBotHost.StartAsync(_api, ZaloBotHost.PublicWebhookUrl, folder: folder);
        await first.StartupCompleted;
        await using var second = await ZaloBotHost.StartAsync(_api, ZaloBotHost.PublicWebhookUrl, folder: folder);
        await second.StartupCompleted;

        var registered = _api.CallsTo("setWebhook").Select(c => c.String("secret_token")).ToList();
        Assert.Equal(2, registered.Count);
        Assert.Equal(registered[0], registered[1]);
        Assert.True(registered[0]!.Length >= 32);
        using var toFirst = await _api.DeliverAsync(FakeZaloBotUpdates.Text("u1", "Xin chào"), first.Http);
        using var toSecond = await _api.DeliverAsync(FakeZaloBotUpdates.Text("u2", "Xin chào"), second.Http);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (toFirst.StatusCode, toSecond.StatusCode));
        Assert.Single(first.Sink.Accepted);
        Assert.Single(second.Sink.Accepted);
    }

    [Fact]
    public async Task A_host_configured_with_another_secret_does_not_register_it_and_keeps_accepting_the_registered_one()
    {
        await using var first = await ZaloBotHost.StartAsync(_api, ZaloBotHost.PublicWebhookUrl, "first-secret_0123456789", folder: folder);
        await first.StartupCompleted;
        await using var second = await ZaloBotHost.StartAsync(_api, ZaloBotHost.PublicWebhookUrl, "other-secret_0123456789", folder: folder);
        await second.StartupCompleted;

        var registered = Assert.Single(_api.CallsTo("setWebhook"));
        Assert.Equal("first-secret_0123456789", registered.String("secret_token"));
        Assert.Equal("first-secret_0123456789", _api.WebhookSecret);
        using var accepted = await _api.DeliverAsync(FakeZaloBotUpdates.Text("u1", "Xin chào"), second.Http);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single(second.Sink.Accepted);
    }
}
