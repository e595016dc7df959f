namespace ResidentBot.Persistence;

/// <summary>
/// Schema work of another store that shares the database (Hangfire's), run at start right after the migrations and in
/// the same turn: on PostgreSQL, hosts starting together run it one after the other, never at once.
/// </summary>
public interface IDatabaseStartupStep
{
    Task RunAsync(DatabaseConnection connection, CancellationToken cancellationToken);
}
