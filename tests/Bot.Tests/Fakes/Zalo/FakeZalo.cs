using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResidentBot.Bot.Tests.Fakes.Zalo;

/// <summary>
/// An in-process Zalo: the OA API (<c>/v3.0/oa/message/cs</c>, <c>/v2.0/oa/upload/image</c>), the template endpoint
/// (<c>/message/template</c>), OAuth (<c>/v4/oa/access_token</c>) and Zalo's file CDN, over real HTTP (Kestrel on
/// 127.0.0.1, random port), built from Zalo's documented behaviour: errors as HTTP 200 with <c>error ≠ 0</c>, access
/// tokens that expire (−220) or are unknown (−216), single-use refresh tokens, the interaction window (refused with −230
/// seven days after the person's last interaction), non-followers refused (−213), texts over 2,000 characters and
/// button titles over 100 refused (−201), uploads over 1 MB or not jpg/png refused. It also plays the webhook's side:
/// <see cref="DeliverAsync"/> signs and posts an event as Zalo does, and records the person's interaction.
/// </summary>
public sealed partial class FakeZalo : IAsyncDisposable
{
    public const string AppId = "1234567890123456789";
    public const string OaId = "579745863508352884";
    public const string AppSecret = "fake-app-secret-KJH23kjh";
    public const string OaSecretKey = "fake-oa-secret-key-POI09poi";
    public const string FirstRefreshToken = "rt-first";

    private readonly WebApplication _app;
    private readonly HttpClient _http = new();
    private readonly List<FakeZaloCall> _calls = [];
    private readonly Lock _gate = new();
    private readonly FakeZaloSignal _signal = new();
    private readonly Dictionary<string, Queue<(int Status, int Error)>> _failures = [];

    private FakeZalo(WebApplication app, TimeProvider time)
    {
        _app = app;
        Time = time;
        _refreshTokens.Add(FirstRefreshToken);
    }

    public Uri BaseUrl { get; private set; } = null!;

    public TimeProvider Time { get; }

    /// <summary>Where <see cref="DeliverAsync"/> posts events and where the OA's own sends are echoed (when <see cref="EchoSends"/>).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Zalo echoes each message the OA sends back to the webhook (sender = the OA).</summary>
    public bool EchoSends { get; set; } = true;

    public static async Task<FakeZalo> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeZalo(app, time ?? TimeProvider.System);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    /// <summary>The settings that point the host's Zalo channel at this fake.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Zalo:AppId"] = AppId,
        ["Zalo:OaId"] = OaId,
        ["Zalo:AppSecret"] = AppSecret,
        ["Zalo:OaSecretKey"] = OaSecretKey,
        ["Zalo:RefreshToken"] = FirstRefreshToken,
        ["Zalo:ApiBaseUrl"] = BaseUrl.ToString(),
        ["Zalo:OAuthBaseUrl"] = BaseUrl.ToString(),
        ["Zalo:TemplateApiBaseUrl"] = BaseUrl.ToString(),
    };

    public IReadOnlyList<FakeZaloCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<FakeZaloCall> CallsTo(string path) => [.. Calls.Where(c => c.Path == path)];

    /// <summary>Consultation messages Zalo accepted for <paramref name="userId"/>, oldest first.</summary>
    public IReadOnlyList<FakeZaloCall> MessagesTo(string userId) =>
        [.. CallsTo(MessagePath).Where(c => c.Error == 0 && c.Recipient == userId)];

    /// <summary>Waits until the calls so far satisfy <paramref name="done"/>; woken by each call, not by a timer.</summary>
    public async Task<IReadOnlyList<FakeZaloCall>> WaitForAsync(Func<IReadOnlyList<FakeZaloCall>, bool> done, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var next = _signal.Next;
            var calls = Calls;
            if (done(calls))
            {
                return calls;
            }

            await next.WaitAsync(cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        if (http.Request.Method == "GET" && path.StartsWith(FilesPath, StringComparison.Ordinal))
        {
            await ServeFileAsync(http, path[FilesPath.Length..]);
            return;
        }

        if (NextFailure(path) is { } failure)
        {
            Record(new FakeZaloCall(path, Time.GetUtcNow()) { Error = failure.Error });
            http.Response.StatusCode = failure.Status;
            await http.Response.WriteAsync(failure.Status == 200 ? Error(failure.Error, "Scripted failure").ToJsonString() : "<html>Bad Gateway</html>");
            return;
        }

        var (status, body, call) = path switch
        {
            TokenPath => await RefreshAsync(http.Request),
            MessagePath => await MessageAsync(http.Request),
            UploadPath => await UploadAsync(http.Request),
            TemplatePath => await TemplateAsync(http.Request),
            _ => (404, new JsonObject { ["error"] = 404, ["message"] = "Not Found" }, new FakeZaloCall(path, Time.GetUtcNow())),
        };

        Record(call with { Error = body["error"]?.GetValue<int>() ?? 0 });
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>
    /// The next <paramref name="count"/> calls to <paramref name="path"/> answer Zalo's error <paramref name="error"/> (HTTP 200),
    /// or, with <paramref name="httpStatus"/> other than 200, a proxy's error page with that status.
    /// </summary>
    public void FailNext(string path, int count, int error, int httpStatus = 200)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(path, out var queue))
            {
                _failures[path] = queue = new Queue<(int, int)>();
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue((httpStatus, error));
            }
        }
    }

    private (int Status, int Error)? NextFailure(string path)
    {
        lock (_gate)
        {
            return _failures.TryGetValue(path, out var queue) && queue.TryDequeue(out var failure) ? failure : null;
        }
    }

    private void Record(FakeZaloCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }

        _signal.Pulse();
    }

    private static JsonObject Error(int code, string message) => new() { ["error"] = code, ["message"] = message };
}
