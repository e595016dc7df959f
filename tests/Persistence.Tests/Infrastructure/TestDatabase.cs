using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence.DirectoryImport;
using ResidentBot.PostgreSql.Testing;
using ResidentBot.Tests.Databases;

namespace ResidentBot.Persistence.Tests.Infrastructure;

/// <summary>
/// A real database wired through <c>AddPersistence</c> like the host does, on SQLite (a file in its own temp folder)
/// or PostgreSQL (a database of its own; the temp folder still holds directory files). Unless settings change what
/// the initializer makes, it starts as a copy of the process's template (<see cref="TestDatabases"/>), on which the
/// initializer then finds nothing to do.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "directory", "hai-duong.json");

    private readonly ServiceProvider provider;

    private readonly TestDatabaseLease lease;

    private TestDatabase(string folder, Dictionary<string, string?> settings, string providerName, TestDatabaseLease lease)
    {
        Folder = folder;
        Provider = providerName;
        this.lease = lease;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        provider = services.AddPersistence(configuration, folder).BuildServiceProvider(validateScopes: true);
    }

    public string Folder { get; }

    /// <summary><see cref="Providers.Sqlite"/> or <see cref="Providers.PostgreSql"/>.</summary>
    public string Provider { get; }

    public bool IsPostgreSql => Provider == Providers.PostgreSql;

    public string FilePath => Path.Combine(Folder, "test.db");

    public IServiceProvider Services => provider;

    /// <summary>
    /// A migrated database; with <paramref name="importSample"/>, holding the sample directory. On PostgreSQL without a
    /// server the test reports itself skipped (it must be a <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>).
    /// </summary>
    /// <param name="fresh">Let the initializer create and migrate the database rather than start from the template's
    /// copy (chosen too whenever <paramref name="settings"/> are given).</param>
    /// <param name="provider"><see cref="Providers.Sqlite"/> or <see cref="Providers.PostgreSql"/>.</param>
    public static async Task<TestDatabase> CreateAsync(
        bool importSample = true, Dictionary<string, string?>? settings = null, bool fresh = false, string provider = Providers.Sqlite)
    {
        Providers.SkipUnlessAvailable(provider);
        var folder = Path.Combine(Path.GetTempPath(), "residentbot-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var lease = await TestDatabases.For(provider).LeaseAsync(new TestDatabaseRequest(folder, "test", !fresh && settings is null, importSample ? SamplePath : null));
        var all = new Dictionary<string, string?>(lease.Settings)
        {
            ["Directory:Path"] = SamplePath,
            ["Directory:ImportOnStart"] = importSample ? "true" : "false",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var database = new TestDatabase(folder, all, provider, lease);
        await using var scope = database.provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        return database;
    }

    /// <summary>A connection string to a fresh, empty (unmigrated) PostgreSQL database; drop it with <see cref="PostgresServer.DropDatabaseAsync"/>.</summary>
    public static Task<string> EmptyPostgreSqlDatabaseAsync() => PostgresServer.CreateDatabaseAsync();

    public AsyncServiceScope Scope() => provider.CreateAsyncScope();

    public async Task ImportAsync(string path)
    {
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<DirectoryImporter>().ImportAsync(path, CancellationToken.None);
    }

    /// <summary>Writes a variant of the sample directory into the test folder and returns its path.</summary>
    public string WriteDirectory(string name, Func<string, string> edit)
    {
        var path = Path.Combine(Folder, name);
        var original = File.ReadAllText(SamplePath);
        var edited = edit(original);
        Assert.NotEqual(original, edited);
        File.WriteAllText(path, edited);
        return path;
    }

    /// <summary>Every row of every table, in key order: two equal dumps mean an unchanged database.</summary>
    public async Task<string> DumpAsync()
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = await ListAsync(connection, IsPostgreSql
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");

        var dump = new StringBuilder();
        foreach (var table in tables.Order(StringComparer.Ordinal))
        {
            await using var select = connection.CreateCommand();
            select.CommandText = IsPostgreSql ? $"SELECT * FROM \"{table}\" ORDER BY 1" : $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            dump.Append("## ").AppendLine(table);
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "NULL" : reader.GetValue(i)).Append('|');
                }

                dump.AppendLine();
            }
        }

        return dump.ToString();
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        var names = new List<string>();
        await using var list = connection.CreateCommand();
        list.CommandText = sql;
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await lease.DisposeAsync();

        try
        {
            System.IO.Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
    }
}
