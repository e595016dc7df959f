using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ResidentBot.Intake.Bench;

/// <summary>
/// The Release build of src/Bot in its own process, configured by environment variables as in production,
/// talking to the driver's fake Bot API. Kill() is kill -9.
/// </summary>
internal sealed class BotHost : IDisposable
{
    public const string Secret = "bench-secret-token";
    private readonly Process process;

    private BotHost(Process process, int port, string logPath)
    {
        this.process = process;
        Port = port;
        LogPath = logPath;
    }

    public int Port { get; }

    public string LogPath { get; }

    public Uri Webhook => new($"http://127.0.0.1:{Port}/telegram/webhook");

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    public static async Task<BotHost> StartAsync(BenchPaths paths, Uri fakeApi, IDictionary<string, string> extra, CancellationToken ct)
    {
        var port = FreePort();
        var log = Path.Combine(paths.Folder, $"host-{TimeProvider.System.GetUtcNow():HHmmssfff}.log");
        var info = new ProcessStartInfo("dotnet", [paths.BotDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = paths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in paths.Store.HostSettings())
        {
            info.Environment[key] = value;
        }

        info.Environment["Telegram__BotToken"] = FakeApi.Token;
        info.Environment["Telegram__ApiBaseUrl"] = fakeApi.ToString().TrimEnd('/');
        info.Environment["Telegram__WebhookUrl"] = "https://bench.invalid/telegram/webhook";
        info.Environment["Telegram__SecretToken"] = Secret;
        // Every simulated resident reports the same lamp in the same ward; offering each one the first report to
        // follow would turn the intake into a follow-up run (the offer itself is tested in Bot.Tests).
        info.Environment["Cases__OfferDuplicates"] = "false";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in extra)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the host");
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new BotHost(process, port, log);
        await host.WaitHealthyAsync(ct);
        return host;
    }

    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public long PeakWorkingSetBytes()
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"host exited with {process.ExitCode}; see {LogPath}");
        }

        // VmHWM: the resident-set high-water mark of the host process, as the kernel counts it.
        var status = File.ReadAllLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return status is null ? 0 : long.Parse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private async Task WaitHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"host exited with {process.ExitCode}; see {LogPath}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/healthz"), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException($"host not healthy after 120 s; see {LogPath}");
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (writer)
        {
            writer.WriteLine($"{TimeProvider.System.GetUtcNow():HH:mm:ss.fff} {line}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Where things are: the repository, the Release host, a fresh folder and database for this run.</summary>
internal sealed record BenchPaths(string Root, string BotDll, string Folder, string Database)
{
    /// <summary>The database the hosts share: the SQLite file <see cref="Database"/> unless a run says otherwise.</summary>
    public BenchStore Store { get; init; } = BenchStore.Sqlite(Database);

    public const string BotDllVariable = "BENCH_BOT_DLL";

    public static BenchPaths Create(string name)
    {
        var root = FindRoot();
        // The benchmark measures the Release build; the test suite runs its quick mode on the build it has.
        var dll = Environment.GetEnvironmentVariable(BotDllVariable) is { Length: > 0 } chosen ? chosen
            : Path.Combine(root, "src", "Bot", "bin", "Release", "net10.0", "ResidentBot.Bot.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"build the host first: dotnet build src/Bot -c Release ({dll})");
        }

        var folder = Directory.CreateTempSubdirectory($"residentbot-{name}-").FullName;
        return new BenchPaths(root, dll, folder, Path.Combine(folder, "bench.db"));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResidentBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ResidentBot.sln not found");
    }
}
