using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Tests.Fakes.Zalo;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Inbox;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Persistence.WebChat;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Tests.Channels.Zalo;

/// <summary>
/// The real host (Program.cs) on a real Kestrel port and a fresh SQLite file, with Telegram off and the Zalo channel
/// pointed at an in-process <see cref="FakeZalo"/>, which posts its signed events to the host's webhook over HTTP.
/// </summary>
internal sealed class ZaloTestHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> factory;
    private readonly bool keepFolder;

    private ZaloTestHost(WebApplicationFactory<Program> factory, FakeZalo zalo, string folder, Uri baseAddress, bool keepFolder)
    {
        this.factory = factory;
        this.keepFolder = keepFolder;
        Zalo = zalo;
        Folder = folder;
        BaseAddress = baseAddress;
    }

    public FakeZalo Zalo { get; }

    public string Folder { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => factory.Services;

    /// <param name="folder">Reuse a database folder (a restart); it is then kept on dispose.</param>
    /// <param name="services">Changes to the host's services (an attachment store, …).</param>
    public static Task<ZaloTestHost> StartAsync(FakeZalo zalo, IDictionary<string, string?>? settings = null, string? folder = null,
        Action<IServiceCollection>? services = null)
    {
        var keepFolder = folder is not null;
        folder ??= Directory.CreateTempSubdirectory("residentbot-zalo-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ResidentBot"] = $"Data Source={Path.Combine(folder, "bot.db")}",
            ["Directory:Path"] = RepositoryPaths.SampleDirectory,
            ["Telegram:BotToken"] = string.Empty,
            ["Outbox:PollInterval"] = "00:00:00.050",
            ["Outbox:Channels:zalo:PerChatInterval"] = "00:00:00",
            ["Outbox:Channels:zalo:MessagesPerSecond"] = "0",
            ["WebChat:FilesPath"] = Path.Combine(folder, "files"),
        };
        foreach (var (key, value) in zalo.Settings().Concat(settings ?? new Dictionary<string, string?>()))
        {
            config[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            foreach (var (key, value) in config)
            {
                web.UseSetting(key, value);
            }

            web.UseUrls("http://127.0.0.1:0");
            web.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            if (services is not null)
            {
                web.ConfigureServices(services);
            }
        });
        factory.UseKestrel();
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        var host = new ZaloTestHost(factory, zalo, folder, new Uri(address), keepFolder);
        zalo.WebhookUrl = new Uri(host.BaseAddress, "/zalo/webhook");
        return Task.FromResult(host);
    }

    public ResidentBotDbContext NewDbContext() => factory.Services.CreateScope().ServiceProvider.GetRequiredService<ResidentBotDbContext>();

    /// <summary>
    /// Makes the official with <paramref name="officialCode"/> the holder of Zalo account <paramref name="zaloUserId"/>, as
    /// onboarding would. The one place Zalo tests bind officials, so it follows the identities model when that changes.
    /// </summary>
    public async Task<int> BindOfficialAsync(string officialCode, string zaloUserId)
    {
        await using var db = NewDbContext();
        var official = await db.Officials.SingleAsync(o => o.Code == officialCode);
        db.OfficialIdentities.Add(new OfficialIdentity
        {
            OfficialId = official.Id, Channel = ChannelNames.Zalo, ExternalId = zaloUserId, ChatId = zaloUserId, CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return official.Id;
    }

    /// <summary>
    /// Delivers a signed event and waits until the bot has handled it and delivered every reply; returns the messages
    /// Zalo accepted for <paramref name="userId"/> in that turn.
    /// </summary>
    public async Task<IReadOnlyList<FakeZaloCall>> SendAsync(string userId, JsonObject evt)
    {
        var before = Zalo.MessagesTo(userId).Count;
        var status = await Zalo.DeliverAsync(evt);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The webhook answered {(int)status}.");
        }

        var updateId = (string?)evt["message"]?["msg_id"] ?? $"{evt["event_name"]}:{userId}:{evt["timestamp"]}";
        await WaitForAsync(async (db, ct) =>
        {
            var entry = await db.InboxEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Channel == ChannelNames.Zalo && e.ExternalId == updateId, ct);
            if (entry?.LastError is { } error)
            {
                throw new InvalidOperationException($"Zalo event {updateId} failed: {error}");
            }

            return entry?.Status == InboxStatus.Handled && !await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending, ct);
        }, done => done);
        return [.. Zalo.MessagesTo(userId).Skip(before)];
    }

    public Task<IReadOnlyList<FakeZaloCall>> TextAsync(string userId, string text) => SendAsync(userId, Zalo.TextEvent(userId, text));

    /// <summary>Taps the newest button sent to <paramref name="userId"/> whose title contains <paramref name="label"/>.</summary>
    public Task<IReadOnlyList<FakeZaloCall>> TapAsync(string userId, string label)
    {
        var button = Zalo.MessagesTo(userId).Reverse().SelectMany(m => m.Buttons).FirstOrDefault(b => b.Title.Contains(label, StringComparison.Ordinal));
        return button.Payload is null
            ? throw new InvalidOperationException($"No button '{label}' was sent to {userId}.")
            : TextAsync(userId, button.Payload);
    }

    /// <summary>Reads from a fresh DbContext every 20 ms until <paramref name="done"/> holds (or 20 s pass).</summary>
    public async Task<T> WaitForAsync<T>(Func<ResidentBotDbContext, CancellationToken, Task<T>> read, Func<T, bool> done)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
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

    public static string Texts(IEnumerable<FakeZaloCall> calls) => string.Join("\n---\n", calls.Select(c => c.Text));

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
