using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence;
using ResidentBot.PostgreSql.Testing;

namespace ResidentBot.Tests.Databases;

/// <summary>
/// PostgreSQL databases on the tests' server (<see cref="PostgresServer"/>), named after the request's folder and name
/// so a restarted host reaches its database again. Each template (one per directory file, and one migrated only) is
/// built once per test process by the product's own <see cref="DatabaseInitializer"/>; a lease copies it with
/// <c>CREATE DATABASE … TEMPLATE …</c>, which copies files and costs a few tens of milliseconds.
/// </summary>
internal sealed class PostgreSqlTestDatabaseTemplate : ITestDatabaseTemplate
{
    private static readonly ConcurrentDictionary<string, byte> Created = new(StringComparer.Ordinal);

    public string Provider => "PostgreSql";

    public async Task<TestDatabaseLease> LeaseAsync(TestDatabaseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Providers.SkipUnlessPostgresAvailable();
        var name = "rb_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Folder + "|" + request.Name)))[..24];
        var copied = false;
        if (Created.TryAdd(name, 0))
        {
            var template = request.FromTemplate
                ? await PostgresServer.TemplateAsync("host:" + (request.DirectoryPath ?? string.Empty), c => BuildAsync(c, request.DirectoryPath)).WaitAsync(cancellationToken)
                : null;
            await PostgresServer.CreateDatabaseAsync(name, template).WaitAsync(cancellationToken);
            copied = template is not null;
        }

        var connectionString = PostgresServer.ConnectionString(await PostgresServer.AdminConnectionStringAsync(), name);
        return new TestDatabaseLease(Provider, connectionString, copied,
            new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName}"] = connectionString,
                [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] = Provider,
            },
            async () =>
            {
                await PostgresServer.DropDatabaseAsync(connectionString);
                Created.TryRemove(name, out _);
            });
    }

    private static async Task BuildAsync(string connectionString, string? directoryPath)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName}"] = connectionString,
            [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] = "PostgreSql",
            ["Directory:Path"] = directoryPath ?? "none.json", // required, though not imported
            ["Directory:ImportOnStart"] = directoryPath is null ? "false" : "true",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        var provider = services.AddPersistence(configuration).BuildServiceProvider();
        await using (provider.ConfigureAwait(false))
        {
            var scope = provider.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
