using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Channels;
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

    private readonly HostUnderTest host;

    private BotTestHost(HostUnderTest host, FakeBotApi api, FakeTimeProvider? time)
    {
        this.host = host;
        Api = api;
        Time = time;
    }

    public FakeBotApi Api { get; }

    /// <summary>The temp folder holding this host's database file (deleted on dispose unless kept for a restart).</summary>
    public string Folder => host.Folder;

    public FakeTimeProvider? Time { get; }

    public IServiceProvider Services => host.Services;

    /// <summary>Rings on every commit of the host's DbContext.</summary>
    public Pulse DatabaseChanged => host.Changes.Pulse;

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
        var config = new Dictionary<string, string?>
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

        try
        {
            var host = await HostUnderTest.StartAsync(new HostStart(folder, keepFolder, config, !freshDatabase && !ChangesInitialData(settings), environment, database,
                web =>
                {
                    if (time is not null)
                    {
                        web.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
                    }

                    if (services is not null)
                    {
                        web.ConfigureServices(services);
                    }
                }));
            return new BotTestHost(host, api, time);
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>Settings under which a copy of the template would not be what the host's start-up makes of an empty database.</summary>
    internal static bool ChangesInitialData(IDictionary<string, string?>? settings) =>
        settings?.Keys.Any(k => InitialDataSections.Any(s => k.StartsWith(s, StringComparison.OrdinalIgnoreCase))) ?? false;

    public HttpClient CreateClient() => host.Factory.CreateClient();

    public HttpClient CreateClient(WebApplicationFactoryClientOptions options) => host.Factory.CreateClient(options);

    /// <summary>A fresh DbContext on the host's database, for assertions.</summary>
    public ResidentBotDbContext NewDbContext() => host.NewDbContext();

    /// <summary>
    /// Reads from a fresh DbContext until <paramref name="done"/> holds (or the timeout, 20 s by default, throws): again
    /// after every commit of the host, and every 100 ms for changes no commit announces.
    /// </summary>
    public Task<T> WaitForAsync<T>(Func<ResidentBotDbContext, CancellationToken, Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null) =>
        host.WaitForAsync(read, done, timeout ?? TimeSpan.FromSeconds(20));

    /// <summary>
    /// Waits until the update <paramref name="externalId"/> of <paramref name="channel"/> (Telegram by default) is handled
    /// and every reply delivered; throws at once when it failed.
    /// </summary>
    public Task WaitForTurnAsync(string externalId, string channel = ChannelNames.Telegram, TimeSpan? timeout = null) =>
        host.WaitForTurnAsync(channel, externalId, timeout ?? TimeSpan.FromSeconds(20));

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
        await host.DisposeAsync();
        await Api.DisposeAsync();
    }
}
