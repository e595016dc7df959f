using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Tests.Fakes.Zalo;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence;
using ResidentBot.Persistence.WebChat;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Tests.Channels.Zalo;

/// <summary>
/// The real host (Program.cs) on a real Kestrel port and a fresh SQLite file, with Telegram off and the Zalo channel
/// pointed at an in-process <see cref="FakeZalo"/>, which posts its signed events to the host's webhook over HTTP.
/// </summary>
internal sealed class ZaloTestHost : IAsyncDisposable
{
    private readonly HostUnderTest host;

    private ZaloTestHost(HostUnderTest host, FakeZalo zalo)
    {
        this.host = host;
        Zalo = zalo;
    }

    public FakeZalo Zalo { get; }

    public string Folder => host.Folder;

    public Uri BaseAddress => host.BaseAddress!;

    public IServiceProvider Services => host.Services;

    /// <param name="folder">Reuse a database folder (a restart); it is then kept on dispose.</param>
    /// <param name="services">Changes to the host's services (an attachment store, …).</param>
    public static async Task<ZaloTestHost> StartAsync(FakeZalo zalo, IDictionary<string, string?>? settings = null, string? folder = null,
        Action<IServiceCollection>? services = null)
    {
        var keepFolder = folder is not null;
        folder ??= Directory.CreateTempSubdirectory("residentbot-zalo-").FullName;
        var config = new Dictionary<string, string?>
        {
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

        var host = new ZaloTestHost(
            await HostUnderTest.StartAsync(new HostStart(folder, keepFolder, config, !BotTestHost.ChangesInitialData(settings), Kestrel: true,
                Configure: web => web.ConfigureServices(s => services?.Invoke(s)))),
            zalo);
        zalo.WebhookUrl = new Uri(host.BaseAddress, "/zalo/webhook");
        return host;
    }

    public ResidentBotDbContext NewDbContext() => host.NewDbContext();

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
        await host.WaitForTurnAsync(ChannelNames.Zalo, updateId, TimeSpan.FromSeconds(20));
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

    /// <summary>Reads from a fresh DbContext after every commit of the host until <paramref name="done"/> holds (or 20 s pass).</summary>
    public Task<T> WaitForAsync<T>(Func<ResidentBotDbContext, CancellationToken, Task<T>> read, Func<T, bool> done) =>
        host.WaitForAsync(read, done, TimeSpan.FromSeconds(20));

    public static string Texts(IEnumerable<FakeZaloCall> calls) => string.Join("\n---\n", calls.Select(c => c.Text));

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
