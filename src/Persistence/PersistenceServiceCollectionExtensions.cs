using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ResidentBot.Persistence.Cases;
using ResidentBot.Persistence.Conversations;
using ResidentBot.Persistence.DirectoryImport;
using ResidentBot.Persistence.PostgreSql;
using ResidentBot.Persistence.Sqlite;

namespace ResidentBot.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public const string ConnectionStringName = "ResidentBot";

    /// <summary>
    /// Registers the <see cref="ResidentBotDbContext"/> (scoped) on the provider <c>Database:Provider</c> names (SQLite
    /// unless told otherwise), its write gate, the tracking code allocator, the directory importer, the cached
    /// directory snapshot and the start-up initializer.
    /// </summary>
    /// <param name="contentRoot">Base for relative paths (database file, directory file): pass
    /// <c>IHostEnvironment.ContentRootPath</c>. Defaults to the current directory.</param>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration, string? contentRoot = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var paths = new PersistencePaths(contentRoot ?? Environment.CurrentDirectory);
        var provider = DatabaseOptions.Parse(configuration[DatabaseOptions.Section + ":" + nameof(DatabaseOptions.Provider)]);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        var connection = provider == DatabaseProvider.PostgreSql
            ? new DatabaseConnection(provider, PostgreSqlConnectionStrings.Build(configured))
            : new DatabaseConnection(provider, SqliteConnectionStrings.Build(configured, paths.BaseDirectory));

        services.AddSingleton(paths);
        services.AddSingleton(connection);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CaseOptions>().BindConfiguration(CaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The options depend on nothing scoped, so they are built once: built per scope (the default), every unit of
        // work re-ran this configuration and EF's look-up of its internal services for it (a profile showed it on each turn).
        services.AddDbContext<ResidentBotDbContext>(options => Configure(options, connection), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddDataProtection().SetApplicationName("ResidentBot").PersistKeysToDbContext<ResidentBotDbContext>();
        if (provider == DatabaseProvider.PostgreSql)
        {
            services.AddSingleton<IWriteGate, PostgreSqlWriteGate>();
        }
        else
        {
            services.AddSingleton<SqliteWriteGate>();
            services.AddSingleton<IWriteGate>(sp => sp.GetRequiredService<SqliteWriteGate>());
        }

        services.AddScoped<TrackingCodeAllocator>();
        services.AddScoped<DirectoryImporter>();
        services.AddSingleton<DirectorySnapshotLoader>();
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<Cluster.ClusterNode>();
        services.AddSingleton<Cluster.ClusterLeases>();
        services.AddSingleton<Cluster.ClusterSignals>();
        return services;
    }

    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseConnection connection) =>
        connection.Provider == DatabaseProvider.PostgreSql
            ? ConfigurePostgreSql(options, connection.ConnectionString)
            : ConfigureSqlite(options, connection.ConnectionString);

    internal static DbContextOptionsBuilder ConfigurePostgreSql(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgreSqlConnectionStrings.MigrationsAssembly))
            .AddInterceptors(CaseEventAppendOnlyInterceptor.Instance, CaseChangeMarker.Instance, ConversationVersionInterceptor.Instance);

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(ResidentBotDbContext).Assembly.GetName().Name))
            .AddInterceptors(SqlitePragmaInterceptor.Instance, CaseEventAppendOnlyInterceptor.Instance, CaseChangeMarker.Instance, ConversationVersionInterceptor.Instance);
}
