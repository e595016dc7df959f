using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResidentBot.Persistence.DirectoryImport;
using ResidentBot.Persistence.PostgreSql;

namespace ResidentBot.Persistence;

/// <summary>Start-up work: WAL mode (SQLite), migrations and the other stores' schemas, then the directory file (if configured).</summary>
public sealed class DatabaseInitializer(
    ResidentBotDbContext db,
    DirectoryImporter importer,
    IOptions<DirectoryOptions> directory,
    PersistencePaths paths,
    DatabaseConnection connection,
    IEnumerable<IDatabaseStartupStep> steps,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            // WAL is remembered by the file, so once is enough; it must run outside a transaction.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            await MigrateAndImportAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // Hosts starting together take turns: the first migrates and imports, the others then find nothing to do.
        await using var turn = await StartupLock.TakeAsync(db.Database.GetConnectionString()!, cancellationToken).ConfigureAwait(false);
        await MigrateAndImportAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task MigrateAndImportAsync(CancellationToken cancellationToken)
    {
        // MigrateAsync on a ready database still takes EF's migration lock and diffs the model against the snapshot
        // (about 300 ms a start); the pending list is one read of the history table. Both run in the start-up turn
        // (PostgreSQL's advisory lock; SQLite's single file), so no other host migrates between the look and the skip.
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migrations, {First} to {Last}", pending.Count, pending[0], pending[^1]);
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var step in steps)
        {
            await step.RunAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        if (directory.Value.ImportOnStart)
        {
            var path = paths.Resolve(directory.Value.Path);
            logger.LogInformation("Importing directory {Path}", path);
            await importer.ImportAsync(path, cancellationToken).ConfigureAwait(false);
        }
    }
}
