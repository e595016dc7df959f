using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Inbox;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Tests.Databases;

namespace ResidentBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real host (Program.cs) on its own database, talking to an in-process fake Bot API over HTTP in
/// polling mode. Tests send Telegram updates to the fake and read what the bot sent back. The database is a copy of
/// the process's template (migrated, sample directory imported); the host's start-up still runs its own
/// DatabaseInitializer on it, which finds the work done.
/// </summary>
internal sealed class BotTestHost : IAsyncDisposable
{
    private static readonly string[] InitialDataSections = ["ConnectionStrings:", "Database:", "Directory:", "Cases:"];

    private readonly WebApplicationFactory<Program> factory;

    private readonly bool keepFolder;

    private readonly TestDatabaseLease database;

    private BotTestHost(WebApplicationFactory<Program> factory, FakeBotApi api, string folder, FakeTimeProvider? time, bool keepFolder, TestDatabaseLease database)
    {
        this.keepFolder = keepFolder;
        this.database = database;
        this.factory = factory;
        Api = api;
        Folder = folder;
        Time = time;
    }

    public FakeBotApi Api { get; }

    /// <summary>The temp folder holding this host's database file (deleted on dispose unless kept for a restart).</summary>
    public string Folder { get; }

    public FakeTimeProvider? Time { get; }

    public IServiceProvider Services => factory.Services;

    /// <param name="folder">Reuse a database folder (a restart finds the database there).</param>
    /// <param name="freshDatabase">
    /// Start on no database at all, so the host's start-up creates, migrates and loads it (also chosen when
    /// <paramref name="settings"/> change the initial data: <c>Directory:*</c>, <c>Cases:*</c>, <c>Database:*</c>).
    /// </param>
    /// <param name="database">The provider to run on (<see cref="TestDatabases.Default"/> when null).</param>
    public static async Task<BotTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        FakeTimeProvider? time = null,
        string? folder = null,
        FakeBotApi? api = null,
        bool keepFolder = false,
        string environment = "Testing",
        Action<IServiceCollection>? services = null,
        bool freshDatabase = false,
        ITestDatabaseTemplate? database = null)
    {
        api ??= await FakeBotApi.StartAsync();
        folder ??= Directory.CreateTempSubdirectory("residentbot-host-").FullName;
        var fromTemplate = !freshDatabase && !ChangesInitialData(settings);
        var lease = await (database ?? TestDatabases.Default).LeaseAsync(new TestDatabaseRequest(folder, "bot", fromTemplate, RepositoryPaths.SampleDirectory));
        var config = new Dictionary<string, string?>(lease.Settings)
        {
            ["Directory:Path"] = RepositoryPaths.SampleDirectory,
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Telegram:PollingTimeoutSeconds"] = "1",
            ["Outbox:PollInterval"] = "00:00:00.050",
            ["Attachments:Path"] = Path.Combine(folder, "attachments"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            // UseSetting reaches builder.Configuration before Program.cs registers services; ConfigureAppConfiguration would come too late.
            foreach (var (key, value) in config)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            if (time is not null)
            {
                web.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
            }

            if (services is not null)
            {
                web.ConfigureServices(services);
            }
        });
        try
        {
            _ = factory.Services; // starts the host: database, directory, inbox, outbox, polling
        }
        catch
        {
            await factory.DisposeAsync();
            await api.DisposeAsync();
            throw;
        }

        return new BotTestHost(factory, api, folder, time, keepFolder, lease);
    }

    /// <summary>Settings under which a copy of the template would not be what the host's start-up makes of an empty database.</summary>
    internal static bool ChangesInitialData(IDictionary<string, string?>? settings) =>
        settings?.Keys.Any(k => InitialDataSections.Any(s => k.StartsWith(s, StringComparison.OrdinalIgnoreCase))) ?? false;

    public HttpClient CreateClient() => factory.CreateClient();

    public HttpClient CreateClient(WebApplicationFactoryClientOptions options) => factory.CreateClient(options);

    /// <summary>A fresh DbContext on the host's database, for assertions.</summary>
    public ResidentBotDbContext NewDbContext() =>
        factory.Services.CreateScope().ServiceProvider.GetRequiredService<ResidentBotDbContext>();

    /// <summary>Reads from a fresh DbContext every 20 ms until <paramref name="done"/> holds (or the timeout, 20 s by default, throws).</summary>
    public async Task<T> WaitForAsync<T>(Func<ResidentBotDbContext, CancellationToken, Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            await using (var db = NewDbContext())
            {
                var value = await read(db, cts.Token);
                if (done(value))
                {
                    return value;
                }
            }

            await Task.Delay(20, cts.Token);
        }
    }

    /// <summary>
    /// Waits until every recorded update is handled (or failed) and every message due is sent (or failed). From then
    /// on nothing more goes out until time moves or a new update arrives, so "sent only once" can be asserted without
    /// sleeping. A redelivered update is refused at the door and never recorded, so it cannot be missed here.
    /// </summary>
    public Task WaitUntilIdleAsync(TimeSpan? timeout = null) => WaitForAsync(
        async (db, ct) =>
        {
            var now = (Time ?? TimeProvider.System).GetUtcNow();
            return !await db.InboxEntries.AnyAsync(e => e.Status == InboxStatus.Pending, ct)
                   && !await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now, ct);
        },
        idle => idle,
        timeout);

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await Api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (keepFolder)
        {
            return;
        }

        await database.DisposeAsync();
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
