using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.ZaloBot;
using ResidentBot.Bot.Tests.Channels.Telegram;
using ResidentBot.Bot.Tests.Fakes.ZaloBot;
using ResidentBot.Persistence;
using ResidentBot.Tests.Databases;

namespace ResidentBot.Bot.Tests.Channels.ZaloBot;

/// <summary>
/// A small host wired as Program.cs wires the Zalo bot channel, on a local port that is also its public base URL (so
/// the fake platform can fetch the photo links it is given), with a recording sink in place of the inbox and the database
/// (migrated, from the template) that keeps the hosts' shared webhook secret: give two hosts the same folder and they share it.
/// </summary>
internal sealed class ZaloBotHost : IAsyncDisposable
{
    public const string PublicWebhookUrl = "https://bot.example.vn/zalobot/webhook";

    private readonly TestDatabaseLease database;

    private ZaloBotHost(WebApplication app, RecordingSink sink, Uri address, TestDatabaseLease database)
    {
        this.database = database;
        App = app;
        Sink = sink;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }

    public RecordingSink Sink { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => App.Services;

    public ZaloBotSender Sender => App.Services.GetRequiredService<ZaloBotSender>();

    public static async Task<ZaloBotHost> StartAsync(FakeZaloBotApi api, string? webhookUrl = null, string? secret = null,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? folder = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        folder ??= Directory.CreateTempSubdirectory("residentbot-zalobot-").FullName;
        var database = await TestDatabases.Default.LeaseAsync(new TestDatabaseRequest(folder, "bot", FromTemplate: true, DirectoryPath: null));
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls(address.ToString());
            builder.Configuration.AddInMemoryCollection(database.Settings);
            var config = new Dictionary<string, string?>
            {
                ["Directory:Path"] = "none.json",
                ["Directory:ImportOnStart"] = "false",
                ["ZaloBot:Token"] = FakeZaloBotApi.Token,
                ["ZaloBot:BaseUrl"] = api.BaseUrl.ToString(),
                ["ZaloBot:WebhookUrl"] = webhookUrl,
                ["ZaloBot:SecretToken"] = secret,
                ["ZaloBot:PublicBaseUrl"] = address.ToString(),
                ["ZaloBot:PollingTimeoutSeconds"] = "1",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                config[key] = value;
            }

            builder.Configuration.AddInMemoryCollection(config);
            var sink = new RecordingSink();
            builder.Services.AddSingleton<IInboundSink>(sink);
            services?.Invoke(builder.Services);
            builder.Services.AddPersistence(builder.Configuration, folder);
            builder.Services.AddZaloBotChannel(builder.Configuration);
            var app = builder.Build();
            app.MapZaloBotWebhook();
            await app.StartAsync();
            return new ZaloBotHost(app, sink, address, database);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public Task StartupCompleted => App.Services.GetRequiredService<ZaloBotStartupService>().Completed.WaitAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await database.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
