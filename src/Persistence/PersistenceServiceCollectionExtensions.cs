using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ResidentBot.Persistence.Cases;
using ResidentBot.Persistence.DirectoryImport;
using ResidentBot.Persistence.Sqlite;

namespace ResidentBot.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public const string ConnectionStringName = "ResidentBot";

    /// <summary>
    /// Registers the SQLite-backed <see cref="ResidentBotDbContext"/> (scoped), the tracking code allocator,
    /// the directory importer, the cached directory snapshot and the start-up initializer.
    /// </summary>
    /// <param name="contentRoot">Base for relative paths (database file, directory file): pass
    /// <c>IHostEnvironment.ContentRootPath</c>. Defaults to the current directory.</param>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration, string? contentRoot = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var paths = new PersistencePaths(contentRoot ?? Environment.CurrentDirectory);
        var connectionString = SqliteConnectionStrings.Build(configuration.GetConnectionString(ConnectionStringName), paths.BaseDirectory);

        services.AddSingleton(paths);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CaseOptions>().BindConfiguration(CaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContext<ResidentBotDbContext>(options => ConfigureSqlite(options, connectionString));
        services.AddDataProtection().SetApplicationName("ResidentBot").PersistKeysToDbContext<ResidentBotDbContext>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<IWriteGate>(sp => sp.GetRequiredService<SqliteWriteGate>());
        services.AddScoped<TrackingCodeAllocator>();
        services.AddScoped<DirectoryImporter>();
        services.AddSingleton<DirectorySnapshotLoader>();
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<Cluster.ClusterNode>();
        services.AddSingleton<Cluster.ClusterLeases>();
        return services;
    }

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(ResidentBotDbContext).Assembly.GetName().Name))
            .AddInterceptors(SqlitePragmaInterceptor.Instance, CaseEventAppendOnlyInterceptor.Instance);
}
