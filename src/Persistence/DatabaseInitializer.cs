using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResidentBot.Persistence.DirectoryImport;

namespace ResidentBot.Persistence;

/// <summary>Start-up work: WAL mode, migrations, then the directory file (if configured).</summary>
public sealed class DatabaseInitializer(
    ResidentBotDbContext db,
    DirectoryImporter importer,
    IOptions<DirectoryOptions> directory,
    PersistencePaths paths,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            // WAL is remembered by the file, so once is enough; it must run outside a transaction.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);

        if (directory.Value.ImportOnStart)
        {
            var path = paths.Resolve(directory.Value.Path);
            logger.LogInformation("Importing directory {Path}", path);
            await importer.ImportAsync(path, cancellationToken).ConfigureAwait(false);
        }
    }
}
