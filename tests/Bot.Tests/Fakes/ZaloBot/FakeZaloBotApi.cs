using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResidentBot.Bot.Tests.Fakes.ZaloBot;

/// <summary>
/// An in-process Zalo Bot Platform over real HTTP (Kestrel on 127.0.0.1, random port), built from the platform's
/// documentation: <c>/bot{TOKEN}/{method}</c> with JSON bodies, answers <c>{ok, result, error_code, description}</c>,
/// getUpdates handing over one event per call (and nothing while a webhook is set), setWebhook checking the URL and an
/// 8–256 character secret, sendMessage refusing texts over 2,000 characters, sendPhoto fetching the photo URL as
/// Zalo's servers do. It also pushes events to the webhook with the secret header, and serves residents' photos
/// (the <c>photo_url</c> of image events). Records every call; a test can script failures.
/// </summary>
public sealed partial class FakeZaloBotApi : IAsyncDisposable
{
    public const string Token = "1459232241454765289:FakeZaloBotKey_abcdefghijklmnop";
    public const string BotId = "1459232241454765289";
    public const string AccountName = "bot.PhuongTranPhu";
    public const int MaxTextLength = 2000;

    private readonly WebApplication _app;
    private readonly HttpClient _http = new();
    private readonly List<FakeZaloBotCall> _calls = [];
    private readonly Dictionary<string, Queue<FakeFailure>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, byte[]> _photos = [];
    private readonly Lock _gate = new();
    private readonly Infrastructure.Pulse _called = new();
    private int _nextSentId;
    private int _disposed;

    private FakeZaloBotApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeZaloBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeZaloBotApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address);
        return fake;
    }

    public IReadOnlyList<FakeZaloBotCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<FakeZaloBotCall> CallsTo(string method) =>
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
    public async Task<IReadOnlyList<FakeZaloBotCall>> WaitForCallsAsync(string method, int count, TimeSpan? timeout = null)
    {
        await _called.UntilAsync(() => CallsTo(method).Count >= count, timeout ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        return CallsTo(method);
    }

    /// <summary>Makes a resident's photo available on "Zalo's servers"; returns the URL an image event carries.</summary>
    public string AddPhoto(string name, byte[] content)
    {
        lock (_gate)
        {
            _photos[name] = content;
        }

        return new Uri(BaseUrl, $"photos/{name}.jpg").ToString();
    }

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
        var segments = http.Request.Path.Value?.Trim('/').Split('/') ?? [];
        if (segments is ["photos", var file])
        {
            await ServePhotoAsync(http, file).ConfigureAwait(false);
            return;
        }

        if (segments is not [var bot, var method] || !bot.StartsWith("bot", StringComparison.Ordinal))
        {
            await WriteAsync(http, 404, Error(404, "Not Found")).ConfigureAwait(false);
            return;
        }

        var parameters = await ReadParametersAsync(http.Request).ConfigureAwait(false);
        var (status, body, fetched) = bot != "bot" + Token
            ? (401, Error(401, "Unauthorized"), null)
            : NextFailure(method) is { } failure ? (failure.StatusCode, failure.ToJson(), null)
            : await DispatchAsync(method, parameters, http.RequestAborted).ConfigureAwait(false);

        lock (_gate)
        {
            _calls.Add(new FakeZaloBotCall(method, parameters, status, body["ok"]?.GetValue<bool>() ?? false, fetched));
        }

        _called.Ring();

        if (body["html"] is JsonValue html)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = "text/html";
            await http.Response.WriteAsync(html.GetValue<string>(), http.RequestAborted).ConfigureAwait(false);
            return;
        }

        await WriteAsync(http, status, body).ConfigureAwait(false);
    }

    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            return [];
        }

        try
        {
            return await JsonNode.ParseAsync(request.Body).ConfigureAwait(false) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private FakeFailure? NextFailure(string method)
    {
        lock (_gate)
        {
            return _failures.TryGetValue(method, out var queue) && queue.TryDequeue(out var failure) ? failure : null;
        }
    }

    private async Task ServePhotoAsync(HttpContext http, string file)
    {
        byte[]? content;
        lock (_gate)
        {
            content = _photos.GetValueOrDefault(Path.GetFileNameWithoutExtension(file));
        }

        if (content is null)
        {
            http.Response.StatusCode = 404;
            return;
        }

        http.Response.ContentType = "image/jpeg";
        http.Response.ContentLength = content.Length;
        await http.Response.Body.WriteAsync(content, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext http, int status, JsonNode body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted).ConfigureAwait(false);
    }

    private static JsonObject Ok(JsonNode? result) => new() { ["ok"] = true, ["result"] = result };

    internal static JsonObject Error(int code, string description) => new() { ["ok"] = false, ["error_code"] = code, ["description"] = description };
}
