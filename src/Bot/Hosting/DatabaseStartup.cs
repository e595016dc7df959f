using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Persistence;
using ResidentBot.Persistence.DirectoryImport;

namespace ResidentBot.Bot.Hosting;

/// <summary>
/// Creates or migrates the database and loads the directory before anything else starts; registered first,
/// so the inbox, outbox and jobs only ever see a ready database. Program.cs runs it before the host starts (see
/// <see cref="StartupChecks"/>); the hosted service then finds it done. A failure becomes a
/// <see cref="StartupException"/> naming the file and the setting to fix.
/// </summary>
internal sealed class DatabaseStartup(IServiceScopeFactory scopes, PersistencePaths paths, IOptions<DirectoryOptions> directory) : IHostedService
{
    private readonly SemaphoreSlim once = new(1, 1);
    private bool done;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await once.WaitAsync(cancellationToken);
        try
        {
            if (!done)
            {
                await InitializeAsync(cancellationToken);
                done = true;
            }
        }
        finally
        {
            once.Release();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        try
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            throw new StartupException(
                $"cannot open or write the database file {file} (setting ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName}): "
                + $"{ex.Message} Check that its folder exists and that this account may write to it.", ex);
        }
        catch (Npgsql.NpgsqlException ex)
        {
            var server = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
            throw new StartupException(
                $"cannot reach or migrate the PostgreSQL database {server.Database} on {server.Host}:{server.Port} (setting ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName}): "
                + $"{ex.Message} Check the server, the database name and the account's rights.", ex);
        }
        catch (Exception ex) when (ex is DirectoryImportException or IOException or JsonException or UnauthorizedAccessException)
        {
            var file = paths.Resolve(directory.Value.Path);
            throw new StartupException($"the directory file {file} (setting Directory:Path) was not imported: {ex.Message}", ex);
        }
    }
}
