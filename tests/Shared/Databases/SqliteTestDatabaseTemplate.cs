using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence;

namespace ResidentBot.Tests.Databases;

/// <summary>
/// SQLite databases as files <c>{Folder}/{Name}.db</c>. Each template (one per directory file, and one migrated only) is
/// built once per test process by the product's own <see cref="DatabaseInitializer"/>, checkpointed so the main file
/// holds everything (WAL mode is remembered in its header), and then copied file by file.
/// </summary>
internal sealed class SqliteTestDatabaseTemplate : ITestDatabaseTemplate
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "residentbot-templates", $"{Environment.ProcessId}-{Guid.NewGuid():N}");

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> templates = new(StringComparer.Ordinal);

    public SqliteTestDatabaseTemplate() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteRoot();

    public string Provider => "Sqlite";

    public async Task<TestDatabaseLease> LeaseAsync(TestDatabaseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var file = Path.Combine(request.Folder, request.Name + ".db");
        var copied = false;
        if (request.FromTemplate && !File.Exists(file))
        {
            var template = await templates.GetOrAdd(request.DirectoryPath ?? string.Empty, key => new Lazy<Task<string>>(() => BuildAsync(key))).Value
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(request.Folder);
            File.Copy(template, file);
            copied = true;
        }

        var connectionString = $"Data Source={file}";
        return new TestDatabaseLease(Provider, connectionString, copied,
            new Dictionary<string, string?> { [$"ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName}"] = connectionString });
    }

    private static async Task<string> BuildAsync(string directoryPath)
    {
        var folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "template.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName}"] = $"Data Source={file}",
            ["Directory:Path"] = directoryPath.Length > 0 ? directoryPath : "none.json", // required, though not imported
            ["Directory:ImportOnStart"] = directoryPath.Length > 0 ? "true" : "false",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        var provider = services.AddPersistence(configuration, folder).BuildServiceProvider();
        await using (provider.ConfigureAwait(false))
        {
            var scope = provider.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        // Everything into the main file, and no connection left open on it (the pools' idle ones included) that could
        // write to it while it is copied.
        SqliteConnection.ClearAllPools();
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var checkpoint = connection.CreateCommand();
            await using (checkpoint.ConfigureAwait(false))
            {
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }

        return file;
    }

    private static void DeleteRoot()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
