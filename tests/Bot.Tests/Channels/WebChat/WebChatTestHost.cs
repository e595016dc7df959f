using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

/// <summary>
/// The real host (Program.cs) on a real Kestrel port and a fresh SQLite file, with Telegram off, so real clients
/// (Node's botframework-directlinejs, headless Chromium) can talk to it over HTTP and WebSocket.
/// </summary>
internal sealed class WebChatTestHost : IAsyncDisposable
{
    private readonly HostUnderTest host;

    private WebChatTestHost(HostUnderTest host) => this.host = host;

    public string Folder => host.Folder;

    public Uri BaseAddress => host.BaseAddress!;

    public IServiceProvider Services => host.Services;

    /// <param name="folder">Reuse a database folder (a restart); it is then kept on dispose.</param>
    public static async Task<WebChatTestHost> StartAsync(string environment = "Testing", IDictionary<string, string?>? settings = null, string? folder = null)
    {
        var keepFolder = folder is not null;
        folder ??= Directory.CreateTempSubdirectory("residentbot-webchat-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["Directory:Path"] = RepositoryPaths.SampleDirectory,
            ["Telegram:BotToken"] = string.Empty,
            ["Outbox:PollInterval"] = "00:00:00.050",
            ["WebChat:FilesPath"] = Path.Combine(folder, "files"),
            ["Attachments:Path"] = Path.Combine(folder, "attachments"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        return new WebChatTestHost(await HostUnderTest.StartAsync(
            new HostStart(folder, keepFolder, config, !BotTestHost.ChangesInitialData(settings), environment, Kestrel: true)));
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>The sample ward leader the end-to-end runs act as (Chủ tịch UBND phường Trần Phú).</summary>
    public async Task<int> TranPhuLeaderIdAsync()
    {
        await using var db = NewDbContext();
        return await db.Officials.Where(o => o.Code == "HD.TPHD.TRANPHU.CT").Select(o => o.Id).SingleAsync();
    }

    public ResidentBotDbContext NewDbContext() => host.NewDbContext();

    /// <summary>Reads from a fresh DbContext after every commit of the host (and every 100 ms) until <paramref name="done"/> holds (20 s by default).</summary>
    public Task<T> WaitForAsync<T>(Func<ResidentBotDbContext, CancellationToken, Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null) =>
        host.WaitForAsync(read, done, timeout ?? TimeSpan.FromSeconds(20));

    /// <summary>A token for a new anonymous conversation, as the page gets it.</summary>
    public async Task<(string ConversationId, string Token)> NewTokenAsync(HttpClient http)
    {
        using var response = await http.PostAsync(new Uri("/webchat/token", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("conversationId").GetString()!, body.RootElement.GetProperty("token").GetString()!);
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? json = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        return request;
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
