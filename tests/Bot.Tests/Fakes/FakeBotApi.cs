using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace ResidentBot.Bot.Tests.Fakes;

/// <summary>
/// An in-process Telegram Bot API over real HTTP (Kestrel on 127.0.0.1, random port), so the real TelegramBotClient
/// talks to it. Records every call, lets a test script failures, and can enforce Telegram's rate limits.
/// </summary>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456:TEST-fake-token_abcdefghijklmnop";
    public const long BotId = 123456;
    public const string BotUsername = "ResidentBot";

    private readonly WebApplication _app;
    private readonly HttpClient _http = new();
    private readonly List<FakeBotApiCall> _calls = [];
    private readonly Dictionary<string, Queue<FakeFailure>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();
    private readonly Infrastructure.Pulse _called = new();

    private FakeBotApi(WebApplication app, TimeProvider time)
    {
        _app = app;
        Time = time;
        _rateLimiter = new FakeRateLimiter(time);
    }

    public Uri BaseUrl { get; private set; } = null!;

    public TimeProvider Time { get; }

    /// <summary>When true, sends beyond 1 message/s per chat or 30/s overall answer 429 with retry_after.</summary>
    public bool EnforceRateLimits { get; set; }

    /// <summary>While set, every call answers this (an outage of the API or of a proxy in front of it).</summary>
    public FakeFailure? Outage { get; set; }

    public static async Task<FakeBotApi> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeBotApi(app, time ?? TimeProvider.System);
        app.Run(fake.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address);
        return fake;
    }

    /// <summary>The real client, as production builds it: no built-in 429 retry.</summary>
    public TelegramBotClient CreateClient() =>
        new(new TelegramBotClientOptions(Token, BaseUrl.ToString()) { RetryThreshold = 0 }, _http);

    public IReadOnlyList<FakeBotApiCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<FakeBotApiCall> CallsTo(string method) =>
        [.. Calls.Where(c => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The next <paramref name="count"/> calls to <paramref name="method"/> answer with <paramref name="failure"/>.</summary>
    public void FailNext(string method, int count, FakeFailure failure)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(method, out var queue))
            {
                _failures[method] = queue = new Queue<FakeFailure>();
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(failure);
            }
        }
    }

    /// <summary>Waits (real time) until <paramref name="method"/> has been called at least <paramref name="count"/> times.</summary>
    public async Task<IReadOnlyList<FakeBotApiCall>> WaitForCallsAsync(string method, int count, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(calls => calls.Count(c => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase)) >= count, timeout)
            .ConfigureAwait(false);
        return CallsTo(method);
    }

    /// <summary>Looks at the calls after each one recorded until <paramref name="done"/> holds (10 s by default, then throws).</summary>
    public Task WaitUntilAsync(Func<IReadOnlyList<FakeBotApiCall>, bool> done, TimeSpan? timeout = null) =>
        _called.UntilAsync(() => done(Calls), timeout ?? TimeSpan.FromSeconds(10));

    /// <summary>Looks at the calls after each one recorded until <paramref name="find"/> finds one (10 s by default, then throws).</summary>
    public Task<FakeBotApiCall?> WaitForCallAsync(Func<IReadOnlyList<FakeBotApiCall>, FakeBotApiCall?> find, TimeSpan? timeout = null) =>
        _called.UntilAsync(_ => Task.FromResult(find(Calls)), call => call is not null, timeout ?? TimeSpan.FromSeconds(10));

    private int _disposed;

    /// <summary>Once: hosts that share the fake (several hosts on one database) may each dispose it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var segments = http.Request.Path.Value?.Trim('/').Split('/', 3) ?? [];
        if (segments is ["file", var fileBot, var filePath] && fileBot == "bot" + Token)
        {
            await ServeFileAsync(http, filePath).ConfigureAwait(false);
            return;
        }

        if (segments is not [var bot, var method] || !bot.StartsWith("bot", StringComparison.Ordinal))
        {
            await WriteAsync(http, 404, new FakeFailure(404, "Not Found").ToJson()).ConfigureAwait(false);
            return;
        }

        var (parameters, files) = await FakeBotApiRequest.ReadAsync(http.Request).ConfigureAwait(false);
        var (status, body) = bot != "bot" + Token
            ? (401, new FakeFailure(401, "Unauthorized").ToJson())
            : (NextFailure(method) ?? Outage ?? NextChatFailure(method, parameters) ?? RefuseNotStarted(method, parameters)) is { } failure ? (failure.StatusCode, failure.ToJson())
            : await DispatchAsync(method, new FakeBotApiCall(method, parameters, files, Time.GetUtcNow(), 200), http.RequestAborted).ConfigureAwait(false);

        lock (_gate)
        {
            _calls.Add(new FakeBotApiCall(method, parameters, files, Time.GetUtcNow(), status));
        }

        _called.Ring();

        if (body["html"] is JsonValue html)
        {
            // A proxy's own error page, not the Bot API's JSON.
            http.Response.StatusCode = status;
            http.Response.ContentType = "text/html";
            await http.Response.WriteAsync(html.GetValue<string>(), http.RequestAborted).ConfigureAwait(false);
            return;
        }

        await WriteAsync(http, status, body).ConfigureAwait(false);
    }

    /// <summary>The next <paramref name="count"/> sends (sendMessage, sendPhoto) to <paramref name="chatId"/> answer with <paramref name="failure"/>.</summary>
    public void FailNextTo(string chatId, int count, FakeFailure failure) => FailNext(ChatKey(chatId), count, failure);

    private FakeFailure? NextChatFailure(string method, JsonObject parameters) =>
        method.StartsWith("send", StringComparison.OrdinalIgnoreCase) && parameters["chat_id"]?.ToString() is { } chat ? NextFailure(ChatKey(chat)) : null;

    private static string ChatKey(string chatId) => "chat:" + chatId;

    private FakeFailure? NextFailure(string method)
    {
        lock (_gate)
        {
            return _failures.TryGetValue(method, out var queue) && queue.TryDequeue(out var failure) ? failure : null;
        }
    }

    private static async Task WriteAsync(HttpContext http, int status, JsonNode body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted).ConfigureAwait(false);
    }

    private static (int, JsonNode) Ok(JsonNode? result) => (200, new JsonObject { ["ok"] = true, ["result"] = result });
}
