using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResidentBot.Bot.Open311.Keys;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Tests.Open311;

/// <summary>
/// The real host with the ward leaders bound to Telegram, an Open311 client's key, and an HTTP client speaking
/// GeoReport v2 to <c>/open311/v2/</c>. Every log line at warning or above is kept, so a test can say none came.
/// </summary>
internal sealed class Open311Bed : IAsyncDisposable
{
    public const long TranPhuLeader = 7001;
    public const string TranPhuLeaderCode = "HD.TPHD.TRANPHU.CT";
    public const string TranPhuLeaderTitle = "Chủ tịch UBND phường Trần Phú";

    private Open311Bed(BotTestHost host, string key, ConcurrentQueue<string> warnings)
    {
        Host = host;
        Key = key;
        Warnings = warnings;
        Client = host.CreateClient();
    }

    public BotTestHost Host { get; }

    public FakeBotApi Api => Host.Api;

    /// <summary>The client's API key, as the administrator's command printed it.</summary>
    public string Key { get; }

    public HttpClient Client { get; }

    /// <summary>Warnings and errors the host logged.</summary>
    public ConcurrentQueue<string> Warnings { get; }

    /// <param name="services">Replaces services of the host (the media fetcher's name resolver).</param>
    /// <param name="folder">The database folder, kept after the bed for <see cref="RestartAsync"/> when given.</param>
    public static async Task<Open311Bed> StartAsync(IDictionary<string, string?>? settings = null, Microsoft.Extensions.Time.Testing.FakeTimeProvider? time = null,
        Action<IServiceCollection>? services = null, string? folder = null)
    {
        var warnings = new ConcurrentQueue<string>();
        var host = await BotTestHost.StartAsync(Settings(settings), time, folder: folder, keepFolder: folder is not null, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(new WarningSink(warnings));
            services?.Invoke(s);
        });
        await using (var db = host.NewDbContext())
        {
            await OfficialsHarnessWait(() => db.Officials.AnyAsync(o => o.Code == TranPhuLeaderCode));
            var official = await db.Officials.Include(o => o.Identities).SingleAsync(o => o.Code == TranPhuLeaderCode);
            official.BindTelegram(TranPhuLeader);
            await db.SaveChangesAsync();
        }

        return new Open311Bed(host, await NewKeyAsync(host, "fixmystreet"), warnings);
    }

    /// <summary>A host started again on the database a bed with <paramref name="folder"/> left, its official bound and its key made already.</summary>
    public static async Task<Open311Bed> RestartAsync(string folder, string key, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var warnings = new ConcurrentQueue<string>();
        var host = await BotTestHost.StartAsync(Settings(settings), folder: folder, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(new WarningSink(warnings));
            services?.Invoke(s);
        });
        return new Open311Bed(host, key, warnings);
    }

    private static Dictionary<string, string?> Settings(IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?> { ["Outbox:Channels:telegram:PerChatInterval"] = "00:00:00" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }

    public static async Task<string> NewKeyAsync(BotTestHost host, string name)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Open311Keys>().CreateAsync(name, CancellationToken.None);
    }

    /// <summary>A FixMyStreet-style report: form-encoded, with this bed's key unless <paramref name="fields"/> says otherwise.</summary>
    public async Task<HttpResponseMessage> PostAsync(string format, IDictionary<string, string> fields, string? language = null)
    {
        var body = new Dictionary<string, string>(fields);
        body.TryAdd("api_key", Key);
        body = body.Where(f => f.Value is not null).ToDictionary();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/requests.{format}") { Content = new FormUrlEncodedContent(body) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await Client.SendAsync(request);
    }

    public static Dictionary<string, string> Report(string description = "Đèn đường trước số 12 không sáng ba đêm nay") => new()
    {
        ["service_code"] = "lighting",
        ["lat"] = "20.96",
        ["long"] = "106.30",
        ["description"] = description,
        ["email"] = "lan@example.org",
        ["first_name"] = "Lan",
        ["last_name"] = "Nguyễn",
    };

    /// <summary>Posts a valid report in JSON and returns its service_request_id.</summary>
    public async Task<string> FileAsync(Dictionary<string, string>? fields = null)
    {
        using var response = await PostAsync("json", fields ?? Report());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    public async Task<(int Status, string Body)> GetAsync(string pathAndQuery)
    {
        using var response = await Client.GetAsync(new Uri("/open311/v2/" + pathAndQuery, UriKind.Relative));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;

    public static XElement Xml(string body) => XDocument.Parse(body).Root!;

    /// <summary>Waits for the case's card to reach the official; returns the Telegram message id and the call.</summary>
    public async Task<(int MessageId, FakeBotApiCall Call)> CardAsync(string trackingCode, long official)
    {
        await using var db = Host.NewDbContext();
        var caseId = await db.Cases.Where(c => c.TrackingCode == trackingCode).Select(c => c.Id).SingleAsync();
        var tag = $"case:{caseId}:card:";
        var chat = official.ToString(CultureInfo.InvariantCulture);
        OutboxMessage? row = null;
        await OfficialsHarnessWait(async () =>
        {
            row = await db.OutboxMessages.AsNoTracking().Where(m => m.Tag!.StartsWith(tag) && m.Recipient == chat && m.Status == OutboxStatus.Sent
                && m.Payload.Contains("\"buttons\":[[")).OrderByDescending(m => m.Id).FirstOrDefaultAsync();
            return row is not null;
        });
        var call = Api.CallsTo("sendMessage").Last(c => c.Long("chat_id") == official && c.Json("reply_markup") is not null
            && c.String("text")!.Contains(trackingCode, StringComparison.Ordinal));
        return (int.Parse(row!.ExternalMessageId!, CultureInfo.InvariantCulture), call);
    }

    public async Task<FakeBotApiCall> PressAsync(long user, string data, int messageId)
    {
        var before = Api.CallsTo("answerCallbackQuery").Count;
        Api.EnqueueUpdate(FakeUpdates.Callback(user, data, messageId, callbackId: $"cb-{Guid.NewGuid():N}"));
        return (await Api.WaitForCallsAsync("answerCallbackQuery", before + 1))[before];
    }

    /// <summary>Sends an official's message and waits until the bot has handled it.</summary>
    public async Task SendAsync(System.Text.Json.Nodes.JsonObject update)
    {
        var id = Api.EnqueueUpdate(update).ToString(CultureInfo.InvariantCulture);
        await using var db = Host.NewDbContext();
        await OfficialsHarnessWait(() => db.InboxEntries.AnyAsync(e => e.ExternalId == id && e.Status != Persistence.Inbox.InboxStatus.Pending));
    }

    /// <summary>Asserts a refusal left nothing behind: no case, no Open311 row, no resident.</summary>
    public static async Task NothingStoredAsync(Open311Bed bed)
    {
        await using var db = bed.Host.NewDbContext();
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(0, await db.Open311Requests.CountAsync());
        Assert.Equal(0, await db.Residents.CountAsync());
    }

    public static Task OfficialsHarnessWait(Func<Task<bool>> condition) => Officials.OfficialsHarness.WaitUntilAsync(condition, seconds: 20);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }

    private sealed class WarningSink(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, sink);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
                }
            }
        }
    }
}
