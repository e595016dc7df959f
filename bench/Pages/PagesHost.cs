using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ResidentBot.Pages.Bench;

/// <summary>The Release build of src/Bot in its own process on a given database, no channel configured; Dispose kills it.</summary>
public sealed class PagesHost : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];

    private PagesHost(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The host's console output so far (the refresher logs each refresh's duration there).</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    /// <summary>Starts the host and waits until /healthz answers 200; <paramref name="settings"/> are environment variables (Public__RefreshInterval …).</summary>
    public static async Task<PagesHost> StartAsync(string botDll, string root, string databasePath, IDictionary<string, string>? settings, CancellationToken ct)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [botDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["ConnectionStrings__ResidentBot"] = $"Data Source={databasePath}";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Attachments__Path"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "attachments");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the host");
        var host = new PagesHost(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => host.Add(e.Data);
        process.ErrorDataReceived += (_, e) => host.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitHealthyAsync(ct);
        return host;
    }

    /// <summary>Waits until a log line contains <paramref name="text"/> (after <paramref name="skip"/> lines) and returns it.</summary>
    public async Task<string> WaitForLogAsync(string text, int skip, TimeSpan within, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (Log.Skip(skip).FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(50, ct);
        }

        throw new TimeoutException($"no log line with '{text}' within {within}; last lines:\n{string.Join('\n', Log.TakeLast(20))}");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }

    private async Task WaitHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"host exited with {process.ExitCode}:\n{string.Join('\n', Log.TakeLast(30))}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Address, "/healthz"), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException("host not healthy within 120 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
