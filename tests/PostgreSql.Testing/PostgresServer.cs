using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ResidentBot.PostgreSql.Testing;

/// <summary>
/// The PostgreSQL server the tests use: the one <c>RESIDENTBOT_TEST_POSTGRES</c> names (a superuser connection
/// string; .ci/run sets it), otherwise a throwaway cluster this process starts from the installed server binaries
/// (tools/test-postgres.sh) and stops when it exits. Without either (or with the variable set to <c>none</c>),
/// PostgreSQL tests report themselves skipped with <see cref="UnavailableReason"/>.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "RESIDENTBOT_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Started = new(StartAsync);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> Templates = new();

    /// <summary>Null when PostgreSQL tests can run; otherwise why they are skipped.</summary>
    public static string? UnavailableReason { get; } = Environment.GetEnvironmentVariable(EnvironmentVariable) switch
    {
        "none" => $"PostgreSQL test skipped: {EnvironmentVariable}=none.",
        { Length: > 0 } => null,
        _ when ServerBinaries() is not null => null,
        _ => $"PostgreSQL test skipped: set {EnvironmentVariable} to a superuser connection string, or install the server (apt-get install postgresql).",
    };

    /// <summary>A superuser connection string to the server's <c>postgres</c> database.</summary>
    public static Task<string> AdminConnectionStringAsync() => Started.Value;

    /// <summary>Creates an empty database (or a copy of <paramref name="template"/>) and returns its connection string.</summary>
    public static Task<string> CreateDatabaseAsync(string? template = null) =>
        CreateDatabaseAsync("rb_" + Guid.NewGuid().ToString("N")[..20], template);

    /// <summary>Creates the database <paramref name="name"/> (lower-case letters, digits, underscores) and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string name, string? template)
    {
        await ExecuteAsync(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}");
        return ConnectionString(await AdminConnectionStringAsync(), name);
    }

    /// <summary>
    /// A database made once per test process by <paramref name="create"/> (e.g. migrated) under <paramref name="key"/>,
    /// to copy with <see cref="CreateDatabaseAsync"/>: PostgreSQL copies a template's files, far cheaper than migrating.
    /// </summary>
    public static async Task<string> TemplateAsync(string key, Func<string, Task> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var made = Templates.GetOrAdd(key, _ => new Lazy<Task<string>>(async () =>
        {
            var connectionString = await CreateDatabaseAsync();
            await create(connectionString);
            // CREATE DATABASE … TEMPLATE refuses a template anyone is connected to, pooled idle connections included.
            NpgsqlConnection.ClearAllPools();
            return new NpgsqlConnectionStringBuilder(connectionString).Database!;
        }));
        return await made.Value;
    }

    /// <summary>Drops the database <paramref name="connectionString"/> names, closing whatever still uses it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public static string ConnectionString(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await AdminConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartAsync()
    {
        if (UnavailableReason is null && Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        if (UnavailableReason is not null)
        {
            throw new InvalidOperationException(UnavailableReason);
        }

        var folder = Path.Combine(Path.GetTempPath(), "residentbot-postgres", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        var connectionString = (await RunScriptAsync("start", folder, FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture))).Trim();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunScriptAsync("stop", folder).GetAwaiter().GetResult();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // The OS temp cleaner takes what is left.
            }
        };
        return connectionString;
    }

    private static async Task<string> RunScriptAsync(params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot(), "tools", "test-postgres.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
    }

    private static string? ServerBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")))
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResidentBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ResidentBot.sln not found above " + AppContext.BaseDirectory);
    }
}
