using Npgsql;

namespace ResidentBot.Persistence.PostgreSql;

/// <summary>
/// A session-level advisory lock held on a connection of its own while one host migrates the database and imports
/// the directory. EF's own migration lock covers the migrations only; the directory import matches rows by code
/// (find, then insert or update), so two hosts importing at once would both insert. The lock goes with the
/// session: a host that dies while holding it frees it.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    /// <summary>Any constant the application owns; "RBotInit" in ASCII.</summary>
    private const long Key = 0x52426f74496e6974;

    private readonly NpgsqlConnection connection;

    private StartupLock(NpgsqlConnection connection) => this.connection = connection;

    public static async Task<StartupLock> TakeAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Unpooled: a session lock must not outlive this object on a pooled physical connection.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
