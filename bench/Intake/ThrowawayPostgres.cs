using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ResidentBot.Intake.Bench;

/// <summary>
/// A PostgreSQL server of its own for one benchmark invocation, from tools/test-postgres.sh (initdb into a temporary
/// folder, as the postgres user when root; a free port); stopped and removed at the end. PG_DURABLE=1 keeps
/// PostgreSQL's durable defaults (fsync, synchronous_commit on): stricter than the host's SQLite (WAL with
/// synchronous=NORMAL, which a power cut may cost the last moment of commits), so the comparison does not flatter it.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string script;
    private readonly string folder;

    private ThrowawayPostgres(string script, string folder, int port)
    {
        this.script = script;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    private string Data => Path.Combine(folder, "data");

    public static async Task<ThrowawayPostgres> StartAsync(string root, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-pg-").FullName;
        var pg = new ThrowawayPostgres(Path.Combine(root, "tools", "test-postgres.sh"), folder, FreePort());
        await pg.RunAsync("start", ct);
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
            await RunAsync("stop", CancellationToken.None);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Maximum Pool Size=60;Timeout=30";

    private async Task RunAsync(string command, CancellationToken ct)
    {
        var info = new ProcessStartInfo("bash", [script, command, folder, Port.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["PG_DURABLE"] = "1";
        // Commit times, so the order check can tell the order a chat's messages were committed in (CommitOrder).
        info.Environment["PG_OPTIONS"] = "-c track_commit_timestamp=on";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not run {script}");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {command} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
