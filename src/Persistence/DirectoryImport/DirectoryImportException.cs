namespace ResidentBot.Persistence.DirectoryImport;

/// <summary>One problem in a directory file: where (file, line, JSON path) and what.</summary>
public sealed record DirectoryError(string File, int? Line, string Path, string Message)
{
    public override string ToString() =>
        Line is { } line ? $"{File}:{line}: {Path}: {Message}" : $"{File}: {Path}: {Message}";
}

/// <summary>The directory file was not imported; the database is unchanged. The message lists every error.</summary>
public sealed class DirectoryImportException : Exception
{
    public DirectoryImportException(IReadOnlyList<DirectoryError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public DirectoryImportException()
        : this([])
    {
    }

    public DirectoryImportException(string message)
        : base(message)
    {
        Errors = [];
    }

    public DirectoryImportException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<DirectoryError> Errors { get; }

    private static string Describe(IReadOnlyList<DirectoryError> errors) =>
        $"The directory was not imported ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):"
        + string.Concat(errors.Select(e => Environment.NewLine + "  " + e));
}
