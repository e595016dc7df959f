using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence.DirectoryImport;
using ResidentBot.Tests.Databases;

namespace ResidentBot.Persistence.Tests.Infrastructure;

/// <summary>
/// A real SQLite file in its own temp folder, wired through <c>AddPersistence</c> like the host does. Unless settings
/// change what the initializer makes, it starts as a copy of the process's template (<see cref="TestDatabases"/>), on
/// which the initializer then finds nothing to do.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "directory", "hai-duong.json");

    private readonly ServiceProvider provider;

    private TestDatabase(string folder, Dictionary<string, string?> settings)
    {
        Folder = folder;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        provider = services.AddPersistence(configuration, folder).BuildServiceProvider(validateScopes: true);
    }

    public string Folder { get; }

    public string FilePath => Path.Combine(Folder, "test.db");

    public IServiceProvider Services => provider;

    /// <summary>A migrated database; with <paramref name="importSample"/>, holding the sample directory.</summary>
    /// <param name="fresh">Let the initializer create and migrate the file rather than start from the template's copy
    /// (chosen too whenever <paramref name="settings"/> are given).</param>
    public static async Task<TestDatabase> CreateAsync(bool importSample = true, Dictionary<string, string?>? settings = null, bool fresh = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "residentbot-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var lease = await TestDatabases.Sqlite.LeaseAsync(new TestDatabaseRequest(folder, "test", !fresh && settings is null, importSample ? SamplePath : null));
        var all = new Dictionary<string, string?>(lease.Settings)
        {
            ["Directory:Path"] = SamplePath,
            ["Directory:ImportOnStart"] = importSample ? "true" : "false",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var database = new TestDatabase(folder, all);
        await using var scope = database.provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        return database;
    }

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

    /// <summary>Every row of every table, in rowid order: two equal dumps mean an unchanged database.</summary>
    public async Task<string> DumpAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath};Mode=ReadOnly");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
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

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
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
