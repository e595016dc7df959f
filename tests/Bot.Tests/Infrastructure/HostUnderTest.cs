using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Inbox;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Tests.Databases;

namespace ResidentBot.Bot.Tests.Infrastructure;

/// <summary>How a test host starts the real host: see <see cref="HostUnderTest.StartAsync"/>.</summary>
/// <param name="Settings">The host's settings (the database's come first, these over them).</param>
/// <param name="FromTemplate">Start on a copy of the template database, rather than on none (the host's start-up creates it).</param>
/// <param name="Kestrel">Listen on a real 127.0.0.1 port (for clients outside the process), not only the in-memory test server.</param>
internal sealed record HostStart(
    string Folder,
    bool KeepFolder,
    IDictionary<string, string?> Settings,
    bool FromTemplate,
    string Environment = "Testing",
    ITestDatabaseTemplate? Database = null,
    Action<IWebHostBuilder>? Configure = null,
    bool Kestrel = false);

/// <summary>
/// The real host (Program.cs) as every test host starts it: on its own database from <see cref="TestDatabases"/>, with
/// warnings-only logs, and with <see cref="DatabaseChanges"/> in its DbContext so the waits wake on each commit.
/// </summary>
internal sealed class HostUnderTest : IAsyncDisposable
{
    /// <summary>Looks again at least this often for changes no commit announces (time passing, another process).</summary>
    private static readonly TimeSpan Fallback = TimeSpan.FromMilliseconds(100);

    private readonly HostStart start;
    private readonly TestDatabaseLease database;

    private HostUnderTest(HostStart start, WebApplicationFactory<Program> factory, TestDatabaseLease database, DatabaseChanges changes, Uri? baseAddress)
    {
        this.start = start;
        this.database = database;
        Factory = factory;
        Changes = changes;
        BaseAddress = baseAddress;
    }

    public WebApplicationFactory<Program> Factory { get; }

    public DatabaseChanges Changes { get; }

    /// <summary>The real port's address with <see cref="HostStart.Kestrel"/>; null otherwise.</summary>
    public Uri? BaseAddress { get; }

    public string Folder => start.Folder;

    public IServiceProvider Services => Factory.Services;

    public static async Task<HostUnderTest> StartAsync(HostStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var database = await (start.Database ?? TestDatabases.Default)
            .LeaseAsync(new TestDatabaseRequest(start.Folder, "bot", start.FromTemplate, RepositoryPaths.SampleDirectory));
        var config = new Dictionary<string, string?>(database.Settings);
        foreach (var (key, value) in start.Settings)
        {
            config[key] = value;
        }

        var changes = new DatabaseChanges();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(start.Environment);
            // UseSetting reaches builder.Configuration before Program.cs registers services; ConfigureAppConfiguration would come too late.
            foreach (var (key, value) in config)
            {
                web.UseSetting(key, value);
            }

            if (start.Kestrel)
            {
                web.UseUrls("http://127.0.0.1:0");
            }

            web.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            web.ConfigureServices(s => s.ConfigureDbContext<ResidentBotDbContext>(o => o.AddInterceptors(changes)));
            start.Configure?.Invoke(web);
        });
        try
        {
            Uri? address = null;
            if (start.Kestrel)
            {
                factory.UseKestrel();
                factory.StartServer();
                address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
                    .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
            }
            else
            {
                _ = factory.Services; // starts the host: database, directory, inbox, outbox, polling
            }

            return new HostUnderTest(start, factory, database, changes, address);
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    public ResidentBotDbContext NewDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<ResidentBotDbContext>();

    /// <summary>Reads from a fresh DbContext after every commit of the host (and every 100 ms) until <paramref name="done"/> holds.</summary>
    public Task<T> WaitForAsync<T>(Func<ResidentBotDbContext, CancellationToken, Task<T>> read, Func<T, bool> done, TimeSpan timeout) =>
        Changes.Pulse.UntilAsync(
            async ct =>
            {
                await using var db = NewDbContext();
                return await read(db, ct);
            },
            done,
            timeout,
            Fallback);

    /// <summary>
    /// Waits until the update <paramref name="externalId"/> of <paramref name="channel"/> is handled and no outbox message is
    /// pending, so every reply of that turn is out; throws at once when the update failed.
    /// </summary>
    public Task WaitForTurnAsync(string channel, string externalId, TimeSpan timeout) => WaitForAsync(
        async (db, ct) =>
        {
            var entry = await db.InboxEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Channel == channel && e.ExternalId == externalId, ct);
            if (entry?.Status == InboxStatus.Failed || entry?.LastError is not null)
            {
                throw new InvalidOperationException($"{channel} update {externalId} failed: {entry.LastError}");
            }

            return entry?.Status == InboxStatus.Handled && !await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending, ct);
        },
        done => done,
        timeout);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (start.KeepFolder)
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
