using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>
/// The real host on a real Kestrel port (so headless Chromium can open the console) with Telegram on, talking to the
/// fake Bot API: an official asks for the link with /web on Telegram and the resident hears the console's reply there.
/// Development, so the session cookie may travel over the test's plain http.
/// </summary>
internal sealed class ConsoleBrowserHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> factory;

    private ConsoleBrowserHost(WebApplicationFactory<Program> factory, FakeBotApi api, string folder, Uri baseAddress)
    {
        this.factory = factory;
        Api = api;
        Folder = folder;
        BaseAddress = baseAddress;
    }

    public FakeBotApi Api { get; }

    public string Folder { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => factory.Services;

    public static async Task<ConsoleBrowserHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var api = await FakeBotApi.StartAsync();
        var folder = Directory.CreateTempSubdirectory("residentbot-console-").FullName;
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ResidentBot"] = $"Data Source={Path.Combine(folder, "bot.db")}",
            ["Directory:Path"] = RepositoryPaths.SampleDirectory,
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Telegram:PollingTimeoutSeconds"] = "1",
            ["Outbox:PollInterval"] = "00:00:00.050",
            ["Outbox:Channels:telegram:PerChatInterval"] = "00:00:00",
            ["Attachments:Path"] = Path.Combine(folder, "attachments"),
            ["WebChat:FilesPath"] = Path.Combine(folder, "files"),
            ["Console:PublicBaseUrl"] = baseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            foreach (var (key, value) in config)
            {
                web.UseSetting(key, value);
            }

            web.UseUrls(baseUrl);
            web.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        });
        factory.UseKestrel();
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ConsoleBrowserHost(factory, api, folder, new Uri(address));
    }

    public ResidentBotDbContext NewDbContext() =>
        factory.Services.CreateScope().ServiceProvider.GetRequiredService<ResidentBotDbContext>();

    public async Task BindTelegramAsync(string officialCode, long userId)
    {
        await using var db = NewDbContext();
        await Officials.OfficialsHarness.WaitUntilAsync(() => db.Officials.AnyAsync(o => o.Code == officialCode));
        var official = await db.Officials.Include(o => o.Identities).SingleAsync(o => o.Code == officialCode);
        official.BindTelegram(userId);
        await db.SaveChangesAsync();
    }

    /// <summary>Sends /web from the Telegram account and returns the sign-in link the bot answered with.</summary>
    public async Task<string> AskLinkAsync(long userId)
    {
        Api.EnqueueUpdate(FakeUpdates.Command(userId, "/web"));
        var sent = await MessageToAsync(userId, "/console/signin?code=");
        return sent.String("text")!.Split('\n').Select(l => l.Trim()).First(l => l.Contains("/console/signin?code=", StringComparison.Ordinal));
    }

    public async Task<FakeBotApiCall> MessageToAsync(long chat, string fragment)
    {
        FakeBotApiCall? found = null;
        await Officials.OfficialsHarness.WaitUntilAsync(() =>
        {
            found = Api.CallsTo("sendMessage").FirstOrDefault(c => c.Long("chat_id") == chat && (c.String("text") ?? string.Empty).Contains(fragment, StringComparison.Ordinal));
            return Task.FromResult(found is not null);
        }, seconds: 30);
        return found!;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await Api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
