using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.Telegram;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Persistence;
using ResidentBot.Tests.Databases;

namespace ResidentBot.Bot.Tests.Channels.Telegram;

/// <summary>
/// A small host wired as Program.cs would wire Telegram, on a random local port, with a recording sink and the database
/// (migrated, from the template) that keeps the hosts' shared webhook secret: give two hosts the same folder and they share it.
/// </summary>
internal sealed class TelegramHost : IAsyncDisposable
{
    private readonly TestDatabaseLease database;

    private TelegramHost(WebApplication app, RecordingSink sink, Uri address, TestDatabaseLease database)
    {
        this.database = database;
        App = app;
        Sink = sink;
        Http = new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }

    public RecordingSink Sink { get; }

    public HttpClient Http { get; }

    public static async Task<TelegramHost> StartAsync(FakeBotApi api, string? webhookUrl, string? secret = null, string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("residentbot-telegram-").FullName;
        var database = await TestDatabases.Default.LeaseAsync(new TestDatabaseRequest(folder, "bot", FromTemplate: true, DirectoryPath: null));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(database.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Directory:Path"] = "none.json",
            ["Directory:ImportOnStart"] = "false",
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Telegram:WebhookUrl"] = webhookUrl,
            ["Telegram:SecretToken"] = secret,
            ["Telegram:PollingTimeoutSeconds"] = "1",
        });
        var sink = new RecordingSink();
        builder.Services.AddSingleton<IInboundSink>(sink);
        builder.Services.AddSingleton<IAttachmentStore>(NoAttachments.Instance);
        builder.Services.AddPersistence(builder.Configuration, folder);
        builder.Services.AddTelegramChannel(builder.Configuration);
        var app = builder.Build();
        app.MapTelegramWebhook();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TelegramHost(app, sink, new Uri(address), database);
    }

    public Task StartupCompleted => App.Services.GetRequiredService<TelegramStartupService>().Completed.WaitAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await database.DisposeAsync();
    }
}
