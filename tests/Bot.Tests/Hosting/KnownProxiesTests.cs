using System.Net;
using ResidentBot.Bot.Tests.Channels.WebChat;

namespace ResidentBot.Bot.Tests.Hosting;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address: the web chat's per-client limits must key on
/// the client the proxy names, and only a configured proxy may name one.
/// </summary>
public sealed class KnownProxiesTests
{
    [Fact]
    public async Task Through_a_configured_proxy_two_forwarded_clients_get_separate_limits()
    {
        await using var host = await WebChatTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["WebChat:TokensPerMinute"] = "1",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1", // the test client connects from 127.0.0.1, as a proxy on the same machine
        });
        using var http = host.CreateClient();

        var first = await NewConversationAsync(http, "203.0.113.5");
        var again = await NewConversationAsync(http, "203.0.113.5");
        var other = await NewConversationAsync(http, "203.0.113.6");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK), (first, again, other));
    }

    [Fact]
    public async Task From_an_address_that_is_not_a_configured_proxy_the_forwarded_header_is_ignored()
    {
        await using var host = await WebChatTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["WebChat:TokensPerMinute"] = "1",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
        });
        using var http = host.CreateClient();

        var first = await NewConversationAsync(http, "203.0.113.5");
        var forged = await NewConversationAsync(http, "203.0.113.6");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (first, forged));
    }

    [Fact]
    public async Task A_proxy_address_that_is_not_an_address_stops_the_host_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => WebChatTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "proxy.local",
        }));

        Assert.Contains("'proxy.local' is not an IP address", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> NewConversationAsync(HttpClient http, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/token");
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
