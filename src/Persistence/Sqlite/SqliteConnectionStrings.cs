using Microsoft.Data.Sqlite;

namespace ResidentBot.Persistence.Sqlite;

internal static class SqliteConnectionStrings
{
    public const string Default = "Data Source=residentbot.db";

    /// <summary>
    /// Resolves a relative file against <paramref name="baseDirectory"/> (the host's content root) and
    /// turns off the shared cache, which does not mix with WAL. Busy waits come from <c>Default Timeout</c>
    /// (Microsoft.Data.Sqlite retries SQLITE_BUSY until it elapses; 30 s unless the string says otherwise).
    /// </summary>
    public static string Build(string? configured, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? Default : configured);
        var source = builder.DataSource;
        if (!string.IsNullOrEmpty(source) && source != ":memory:" && builder.Mode != SqliteOpenMode.Memory
            && !source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && !Path.IsPathRooted(source))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, source));
        }

        builder.Cache = SqliteCacheMode.Default;
        return builder.ToString();
    }
}
