using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

/// <summary>
/// The real host (Program.cs) on a real Kestrel port and a fresh SQLite file, with Telegram off, so real clients
/// (Node's botframework-directlinejs, headless Chromium) can talk to it over HTTP and WebSocket.
/// </summary>
internal sealed class WebChatTestHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> factory;

    private readonly bool keepFolder;

    private WebChatTestHost(WebApplicationFactory<Program> factory, string folder, Uri baseAddress, bool keepFolder)
    {
        this.factory = factory;
        this.keepFolder = keepFolder;
        Folder = folder;
        BaseAddress = baseAddress;
    }

    public string Folder { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => factory.Services;

    /// <param name="folder">Reuse a database folder (a restart); it is then kept on dispose.</param>
    public static Task<WebChatTestHost> StartAsync(string environment = "Testing", IDictionary<string, string?>? settings = null, string? folder = null)
    {
        var keepFolder = folder is not null;
        folder ??= Directory.CreateTempSubdirectory("residentbot-webchat-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ResidentBot"] = $"Data Source={Path.Combine(folder, "bot.db")}",
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

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            foreach (var (key, value) in config)
            {
                web.UseSetting(key, value);
            }

            web.UseUrls("http://127.0.0.1:0");
            web.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        });
        factory.UseKestrel();
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        return Task.FromResult(new WebChatTestHost(factory, folder, new Uri(address), keepFolder));
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>The sample ward leader the end-to-end runs act as (Chủ tịch UBND phường Trần Phú).</summary>
    public async Task<int> TranPhuLeaderIdAsync()
    {
        await using var db = NewDbContext();
        return await db.Officials.Where(o => o.Code == "HD.TPHD.TRANPHU.CT").Select(o => o.Id).SingleAsync();
    }

    public ResidentBotDbContext NewDbContext() =>
        factory.Services.CreateScope().ServiceProvider.GetRequiredService<ResidentBotDbContext>();

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

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (keepFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background thread; the OS temp cleaner takes it.
        }
    }
}
