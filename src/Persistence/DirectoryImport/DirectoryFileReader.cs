using System.Text.Json;

namespace ResidentBot.Persistence.DirectoryImport;

/// <summary>Reads and validates a directory file without touching the database.</summary>
internal static class DirectoryFileReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        PropertyNameCaseInsensitive = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static async Task<ValidatedDirectory> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DirectoryImportException([new DirectoryError(path, null, "$", $"cannot read the file: {ex.Message}")]);
        }

        DirectoryFile? file;
        try
        {
            file = JsonSerializer.Deserialize<DirectoryFile>(bytes, Options);
        }
        catch (JsonException ex)
        {
            // STJ's line numbers are zero-based; people count from one.
            var line = ex.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var reason = ex.Message.Split(" Path:", 2)[0];
            throw new DirectoryImportException([new DirectoryError(name, line, ex.Path ?? "$", $"invalid JSON: {reason}")]);
        }

        if (file is null)
        {
            throw new DirectoryImportException([new DirectoryError(name, 1, "$", "the file must hold a JSON object")]);
        }

        var lines = JsonLineMap.Build(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return new DirectoryValidator(name, lines).Validate(file);
    }
}
