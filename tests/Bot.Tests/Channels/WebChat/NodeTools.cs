using System.Diagnostics;
using System.Security.Cryptography;
using ResidentBot.Bot.Tests.Infrastructure;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

/// <summary>
/// Runs Node scripts of tests/WebChat.Client. <c>npm ci</c> runs once per package-lock (a stamp in node_modules
/// remembers which). A missing node or npm fails the test: nothing is skipped silently.
/// </summary>
internal static class NodeTools
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static string ClientFolder => Path.Combine(RepositoryPaths.Root, "tests", "WebChat.Client");

    /// <summary>For the browser runs: Debian's Chromium must be there (a missing one fails the test) and the npm packages installed.</summary>
    public static Task EnsureBrowserAsync()
    {
        Assert.True(File.Exists(Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium"),
            "Chromium is required: apt-get install -y chromium");
        return EnsureInstalledAsync();
    }

    public static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            var lockHash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(ClientFolder, "package-lock.json"))));
            var stamp = Path.Combine(ClientFolder, "node_modules", ".residentbot-lock-hash");
            if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp) == lockHash)
            {
                return;
            }

            var (code, output, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
            Assert.True(code == 0, $"npm ci failed ({code}):\n{output}\n{error}");
            await File.WriteAllTextAsync(stamp, lockHash);
        }
        finally
        {
            InstallGate.Release();
        }
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = ClientFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"'{file}' is required by the web chat acceptance tests (install Node.js 20+ and npm).", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish in {timeout}.\n{await error}");
            }

            return (process.ExitCode, await output, await error);
        }
    }
}
