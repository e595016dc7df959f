using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Chase.Storage;

/// <summary>
/// Hangfire's own storage, by database provider. On SQLite (one host) it is in memory: the truth is in our database
/// and the recurring jobs are registered again at each start. On PostgreSQL it is Hangfire.PostgreSql in its own
/// schema of the application database, so every host's Hangfire server shares one set of recurring jobs, and
/// Hangfire's distributed lock (a row) lets one server at a time trigger them: each schedule runs once, not once per host.
/// </summary>
internal static class HangfireStorage
{
    public const string Schema = "hangfire";

    public static JobStorage Create(DatabaseConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Provider != DatabaseProvider.PostgreSql)
        {
            return new InMemoryStorage();
        }

        var options = Options();
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection.ConnectionString, options), options);
    }

    /// <summary>
    /// A crashed host holds a distributed lock until <c>DistributedLockTimeout</c>, and a job running longer than
    /// <c>InvisibilityTimeout</c> is taken by another server and runs again: our jobs derive their work from the
    /// database and are safe to run twice, so these bound only how long a crash delays a sweep. Long polling
    /// (LISTEN/NOTIFY) starts an enqueued job at once instead of at the next poll.
    /// </summary>
    internal static PostgreSqlStorageOptions Options() => new()
    {
        SchemaName = Schema,
        PrepareSchemaIfNecessary = false,
        DistributedLockTimeout = TimeSpan.FromMinutes(1),
        InvisibilityTimeout = TimeSpan.FromMinutes(30),
        QueuePollInterval = TimeSpan.FromSeconds(5),
        EnableLongPolling = true,
    };

    /// <summary>Creates or upgrades Hangfire's schema at start, in the database's start-up turn (<see cref="IDatabaseStartupStep"/>).</summary>
    internal sealed class SchemaStep : IDatabaseStartupStep
    {
        public async Task RunAsync(DatabaseConnection connection, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(connection);
            if (connection.Provider != DatabaseProvider.PostgreSql)
            {
                return;
            }

            await using var open = new NpgsqlConnection(connection.ConnectionString);
            await open.OpenAsync(cancellationToken);
            PostgreSqlObjectsInstaller.Install(open, Schema);
        }
    }
}
