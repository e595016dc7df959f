using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ResidentBot.Bot.Open311.Media;
using ResidentBot.Bot.Tests.Fakes;

namespace ResidentBot.Bot.Tests.Open311;

/// <summary>
/// A client's photo host over real HTTP (Kestrel on 127.0.0.1, random port): a photo, one held until the test lets it
/// go, one that fails while <see cref="FailuresLeft"/> lasts, a body too large sent without Content-Length, a web page,
/// a web page that calls itself a JPEG, and a redirect. Records every path asked for.
/// </summary>
internal sealed class MediaServer : IAsyncDisposable
{
    public static readonly byte[] Photo = TestImages.Jpeg("ảnh đèn đường hỏng trước số 12");

    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> hits = new();
    private int failuresLeft;

    private MediaServer(WebApplication app) => this.app = app;

    public int Port { get; private set; }

    /// <summary>Paths asked for, in order.</summary>
    public IReadOnlyList<string> Hits => [.. hits];

    /// <summary>Completes when <c>/held.jpg</c> is asked for; the answer waits for <see cref="Release"/>.</summary>
    public TaskCompletionSource HeldAsked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many more times <c>/flaky.jpg</c> answers 503.</summary>
    public int FailuresLeft
    {
        get => Volatile.Read(ref failuresLeft);
        set => Volatile.Write(ref failuresLeft, value);
    }

    public static async Task<MediaServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new MediaServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        server.Port = address.Port;
        return server;
    }

    /// <summary>A link to <paramref name="path"/> on this server under the name <paramref name="host"/> (which the test's resolver gives).</summary>
    public string Url(string host, string path) => $"http://{host}:{Port.ToString(CultureInfo.InvariantCulture)}{path}";

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        hits.Enqueue(path);
        var response = http.Response;
        switch (path)
        {
            case "/photo.jpg":
                await ImageAsync(response);
                break;
            case "/held.jpg":
                HeldAsked.TrySetResult();
                await Release.Task.WaitAsync(TimeSpan.FromSeconds(30));
                await ImageAsync(response);
                break;
            case "/flaky.jpg" when Interlocked.Decrement(ref failuresLeft) >= 0:
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                break;
            case "/flaky.jpg":
                await ImageAsync(response);
                break;
            case "/big.jpg":
                // Chunked, no Content-Length: only counting the bytes as they come can stop it.
                response.ContentType = "image/jpeg";
                await response.Body.WriteAsync(Photo.AsMemory(0, 11));
                var filler = new byte[4096];
                for (var i = 0; i < 64 && !http.RequestAborted.IsCancellationRequested; i++)
                {
                    await response.Body.WriteAsync(filler, http.RequestAborted);
                    await response.Body.FlushAsync(http.RequestAborted);
                }

                break;
            case "/page.html":
                response.ContentType = "text/html";
                await response.Body.WriteAsync(TestImages.NotAnImage());
                break;
            case "/disguised.jpg":
                response.ContentType = "image/jpeg";
                await response.Body.WriteAsync(TestImages.NotAnImage());
                break;
            case "/redirect":
                response.Redirect(http.Request.Query["to"].ToString());
                break;
            default:
                response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private static async Task ImageAsync(HttpResponse response)
    {
        response.ContentType = "image/jpeg";
        response.ContentLength = Photo.Length;
        await response.Body.WriteAsync(Photo);
    }

    public async ValueTask DisposeAsync()
    {
        Release.TrySetResult();
        await app.DisposeAsync();
    }
}

/// <summary>The media fetcher's DNS for a test: names it gives the addresses of, any other name unknown.</summary>
internal sealed class MediaNames(IReadOnlyDictionary<string, IPAddress[]> names) : IMediaHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        names.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));

    /// <summary>Replaces the host's resolver: each pair a name and the address it resolves to.</summary>
    public static Action<IServiceCollection> Resolve(params (string Name, string Address)[] names)
    {
        var map = names.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(n => IPAddress.Parse(n.Address)).ToArray(), StringComparer.OrdinalIgnoreCase);
        return services => services.Replace(ServiceDescriptor.Singleton<IMediaHostResolver>(new MediaNames(map)));
    }
}
