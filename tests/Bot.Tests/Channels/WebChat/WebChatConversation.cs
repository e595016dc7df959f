using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels.WebChat;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

/// <summary>
/// One web conversation over plain Direct Line HTTP: posts activities as a client would and waits, on the
/// conversation's own wake-up signal, for the bot's answers in the activity log.
/// </summary>
internal sealed class WebChatConversation : IDisposable
{
    private readonly WebChatTestHost host;
    private readonly HttpClient http;
    private readonly WebChatHub.Subscription changes;

    private WebChatConversation(WebChatTestHost host, HttpClient http, string id, string token)
    {
        this.host = host;
        this.http = http;
        Id = id;
        Token = token;
        changes = host.Services.GetRequiredService<WebChatHub>().Subscribe(id);
    }

    public string Id { get; }

    public string Token { get; }

    public static async Task<WebChatConversation> StartAsync(WebChatTestHost host)
    {
        var http = host.CreateClient();
        var (id, token) = await host.NewTokenAsync(http);
        await WebChatTokenTests.StartAsync(http, token);
        return new WebChatConversation(host, http, id, token);
    }

    /// <summary>Posts an activity and returns the id the host gave it.</summary>
    public async Task<string> PostAsync(object activity)
    {
        using var response = await http.SendAsync(WebChatTestHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{Id}/activities", Token, activity));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Everything in the conversation's log so far.</summary>
    public async Task<IReadOnlyList<JsonObject>> ActivitiesAsync()
    {
        var log = host.Services.GetRequiredService<WebChatLog>();
        var set = await log.ReadAsync(Id, null, CancellationToken.None);
        return [.. set.Activities.OfType<JsonObject>()];
    }

    /// <summary>The newest bot message whose text contains <paramref name="text"/>, once it is in the log.</summary>
    public async Task<JsonObject> WaitForBotAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = (await ActivitiesAsync()).LastOrDefault(a => IsBot(a) && ((string?)a["text"])?.Contains(text, StringComparison.Ordinal) == true);
            if (found is not null)
            {
                return found;
            }

            timeout.Token.ThrowIfCancellationRequested();
            await changes.WaitAsync(TimeSpan.FromSeconds(1), timeout.Token);
        }
    }

    public static bool IsBot(JsonObject activity) => (string?)activity["from"]?["role"] == "bot";

    public void Dispose()
    {
        changes.Dispose();
        http.Dispose();
    }
}
