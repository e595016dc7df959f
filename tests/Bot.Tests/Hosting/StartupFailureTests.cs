using ResidentBot.Bot.Tests.Infrastructure;

namespace ResidentBot.Bot.Tests.Hosting;

/// <summary>An operator's mistake stops the real host process with exit code 1 and one line naming what and where.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_database_file_the_host_cannot_open_is_named_with_its_setting()
    {
        var folder = HostProcess.NewFolder();
        var notAFolder = Path.Combine(folder, "not-a-folder");
        await File.WriteAllTextAsync(notAFolder, "a file where the database's folder should be");
        var database = Path.Combine(notAFolder, "bot.db");

        var line = await FailureAsync(folder, new Dictionary<string, string> { ["ConnectionStrings__ResidentBot"] = "Data Source=" + database });

        Assert.Contains("cannot open or write the database file " + database, line, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:ResidentBot", line, StringComparison.Ordinal);
        Assert.Contains("unable to open database file", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_appsettings_file_that_is_not_json_is_named_with_the_place_of_the_error()
    {
        var folder = HostProcess.NewFolder("{\n  \"Chase\": {\n    \"BatchSize\": 5\n    \"SweepCron\": \"* * * * *\"\n  }\n}\n");

        var line = await FailureAsync(folder);

        Assert.Contains(Path.Combine(folder, "appsettings.json"), line, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", line, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 3", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_setting_is_named_by_its_key()
    {
        var line = await FailureAsync(HostProcess.NewFolder(), new Dictionary<string, string> { ["Chase__BatchSize"] = "0" });

        Assert.Contains("invalid settings: Chase:BatchSize: The field BatchSize must be between 1 and 100000.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_database_provider_is_named_by_its_key()
    {
        var line = await FailureAsync(HostProcess.NewFolder(), new Dictionary<string, string> { ["Database__Provider"] = "Oracle" });

        Assert.Contains("invalid settings: Database:Provider: must be Sqlite or PostgreSql.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postgresql_server_that_cannot_be_reached_is_named_with_its_setting()
    {
        var line = await FailureAsync(HostProcess.NewFolder(), new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__ResidentBot"] = "Host=127.0.0.1;Port=1;Database=residentbot;Username=residentbot;Timeout=2",
        });

        Assert.Contains("cannot reach or migrate the PostgreSQL database residentbot on 127.0.0.1:1 (setting ConnectionStrings:ResidentBot)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setting_that_is_not_a_number_is_named_by_its_key()
    {
        var line = await FailureAsync(HostProcess.NewFolder(), new Dictionary<string, string> { ["Outbox__Concurrency"] = "fast" });

        Assert.Contains("invalid settings:", line, StringComparison.Ordinal);
        Assert.Contains("Outbox:Concurrency", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_directory_file_is_named_with_its_setting_line_and_field()
    {
        var folder = HostProcess.NewFolder();
        var broken = Path.Combine(folder, "broken.json");
        var text = await File.ReadAllTextAsync(RepositoryPaths.SampleDirectory);
        await File.WriteAllTextAsync(broken, text.Replace("\"parent\": \"HD.TPHD\"", "\"parent\": \"HD.NOWHERE\"", StringComparison.Ordinal));

        var line = await FailureAsync(folder, new Dictionary<string, string> { ["Directory__Path"] = broken }, lines: null);

        Assert.Contains($"the directory file {broken} (setting Directory:Path) was not imported", line, StringComparison.Ordinal);
        Assert.Contains("broken.json:", line, StringComparison.Ordinal);
        Assert.Contains("unknown parent area 'HD.NOWHERE'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_already_in_use_is_named()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";

        // The host's own log keeps the stack trace of this one (it fails inside the host's start); stderr has one line.
        var line = await FailureAsync(HostProcess.NewFolder(), new Dictionary<string, string> { ["ASPNETCORE_URLS"] = address }, stackFree: false);

        Assert.Contains($"Failed to bind to address {address}: address already in use.", line, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_good_settings_the_process_starts_and_listens()
    {
        using var host = HostProcess.Start(HostProcess.NewFolder());

        await host.Listening;

        Assert.Equal(string.Empty, host.Stderr);
    }

    /// <summary>Runs the host, expects exit code 1, no stack trace anywhere, and returns what it wrote to stderr.</summary>
    private static async Task<string> FailureAsync(
        string folder, IDictionary<string, string>? environment = null, int? lines = 1, bool stackFree = true)
    {
        using var host = HostProcess.Start(folder, environment);

        var exitCode = await host.ExitCodeAsync();

        var stderr = host.Stderr;
        Assert.True(exitCode == 1, $"exit code {exitCode}; stderr: {stderr}; stdout: {host.Stdout}");
        Assert.StartsWith("ResidentBot could not start: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stackFree ? stderr + host.Stdout : stderr, StringComparison.Ordinal);
        if (lines is { } count)
        {
            Assert.Equal(count, stderr.TrimEnd().Split('\n').Length);
        }

        return stderr;
    }
}
