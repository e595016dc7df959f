using System.Diagnostics;
using System.Text;
using ResidentBot.Bot.Tests.Infrastructure;

namespace ResidentBot.Bot.Tests.Hosting;

/// <summary>
/// The built host (ResidentBot.Bot.dll, copied next to the tests) run as its own process with <c>dotnet</c>, in a
/// fresh folder holding its appsettings.json, as an operator runs a published host.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process) => this.process = process;

    public string Stdout { get { lock (stdout) { return stdout.ToString(); } } }

    public string Stderr { get { lock (stderr) { return stderr.ToString(); } } }

    /// <summary>A temp folder with the repository's appsettings.json (or <paramref name="appsettings"/>).</summary>
    public static string NewFolder(string? appsettings = null)
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-process-").FullName;
        var settings = Path.Combine(folder, "appsettings.json");
        if (appsettings is null)
        {
            File.Copy(Path.Combine(RepositoryPaths.Root, "appsettings.json"), settings);
        }
        else
        {
            File.WriteAllText(settings, appsettings);
        }

        return folder;
    }

    public static HostProcess Start(string folder, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ResidentBot.Bot.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__ResidentBot"] = "Data Source=" + Path.Combine(folder, "bot.db");
        start.Environment["Directory__Path"] = RepositoryPaths.SampleDirectory;
        start.Environment["Telegram__BotToken"] = string.Empty;
        start.Environment["WebChat__FilesPath"] = Path.Combine(folder, "files");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var host = new HostProcess(new Process { StartInfo = start });
        host.process.OutputDataReceived += (_, e) => host.Append(host.stdout, e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Append(host.stderr, e.Data);
        host.process.Start();
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for the process to end (60 s at most) and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// <summary>Completes when the host logs that it is listening.</summary>
    public Task Listening => listening.Task.WaitAsync(TimeSpan.FromSeconds(60));

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }

        if (line.Contains("ResidentBot listening on", StringComparison.Ordinal))
        {
            listening.TrySetResult();
        }
    }
}
