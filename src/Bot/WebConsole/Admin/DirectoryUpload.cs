using ResidentBot.Bot.Hosting;
using ResidentBot.Persistence;
using ResidentBot.Persistence.DirectoryImport;

namespace ResidentBot.Bot.WebConsole.Admin;

/// <summary>
/// A directory file uploaded by an administrator goes through the same validated, transactional import as the file
/// read at start (<see cref="DirectoryImporter"/>): every error with file, line and field, and nothing changed on error.
/// The import runs in the write gate's turn, like any other writer.
/// </summary>
internal sealed partial class DirectoryUpload(IServiceScopeFactory scopes, IWriteGate gate, ILogger<DirectoryUpload> logger)
{
    /// <summary>Largest directory file accepted; the sample directory is a few kilobytes.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    public async Task<(DirectoryImportResult? Imported, IReadOnlyList<DirectoryError> Errors)> ImportAsync(
        string fileName, Stream content, int administratorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName(fileName);
        if (string.IsNullOrWhiteSpace(name) || !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            name = "directory.json";
        }

        var folder = Directory.CreateTempSubdirectory("residentbot-directory-").FullName;
        var path = Path.Combine(folder, name);
        try
        {
            await using (var file = File.Create(path))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            using (await gate.EnterAsync(db, cancellationToken))
            {
                var result = await scope.ServiceProvider.GetRequiredService<DirectoryImporter>().ImportAsync(path, cancellationToken);
                LogImported(administratorId, name, result.Areas, result.Officials);
                return (result, []);
            }
        }
        catch (DirectoryImportException ex)
        {
            LogRefused(administratorId, name, ex.Errors.Count);
            return (null, ex.Errors.Count > 0 ? ex.Errors : [new DirectoryError(name, null, "$", UntrustedText.ForLog(ex.Message))]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {AdministratorId} imported directory {File}: {Areas} areas, {Officials} officials")]
    private partial void LogImported(int administratorId, string file, int areas, int officials);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Administrator {AdministratorId} uploaded directory {File}, refused with {Errors} errors; nothing changed")]
    private partial void LogRefused(int administratorId, string file, int errors);
}
