using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ResidentBot.Intake.Bench;

/// <summary>
/// A PostgreSQL server of its own for one benchmark invocation: initdb into a temporary folder, a free port, a socket
/// folder of its own; stopped and removed at the end. initdb refuses to run as root, so as root the server runs as the
/// postgres user. Durability: fsync on; synchronous_commit off, the same class as the host's SQLite (WAL with
/// synchronous=NORMAL): a killed host loses nothing, a power cut may lose the last moment of commits.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string bin;
    private readonly string folder;

    private ThrowawayPostgres(string bin, string folder, int port)
    {
        this.bin = bin;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    private string Data => Path.Combine(folder, "data");

    public static async Task<ThrowawayPostgres> StartAsync(CancellationToken ct)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install -y postgresql)");
        var folder = Directory.CreateTempSubdirectory("residentbot-pg-").FullName;
        var pg = new ThrowawayPostgres(bin, folder, FreePort());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["-R", "postgres", folder], ct);
        }

        await pg.PgAsync("initdb", ["-D", pg.Data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-instructions"], ct);
        var settings = string.Join(' ', "-p", pg.Port.ToString(CultureInfo.InvariantCulture), "-k", folder, "-c", "listen_addresses=127.0.0.1",
            "-c", "max_connections=400", "-c", "synchronous_commit=off", "-c", "shared_buffers=256MB");
        await pg.PgAsync("pg_ctl", ["-D", pg.Data, "-o", settings, "-l", Path.Combine(folder, "server.log"), "-w", "start"], ct);
        return pg;
    }

    /// <summary>A fresh database; returns its connection string (Npgsql form, as the hosts take it).</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken ct)
    {
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(ct);
        }

        return ConnectionString(name);
    }

    /// <summary>The server's processes (the postmaster and its children), for their CPU time.</summary>
    public IReadOnlyList<int> Processes()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(Data, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        return [postmaster, .. CpuMeter.ChildrenOf(postmaster)];
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await PgAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"], CancellationToken.None);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Maximum Pool Size=60;Timeout=30";

    private Task PgAsync(string tool, string[] args, CancellationToken ct) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. args], ct)
            : RunAsync(Path.Combine(bin, tool), args, ct);

    private static async Task RunAsync(string file, string[] args, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
