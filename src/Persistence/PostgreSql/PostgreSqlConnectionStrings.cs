using Npgsql;

namespace ResidentBot.Persistence.PostgreSql;

internal static class PostgreSqlConnectionStrings
{
    /// <summary>The migrations assembly (src/Persistence.PostgreSql), loaded by name.</summary>
    public const string MigrationsAssembly = "ResidentBot.Persistence.PostgreSql";

    private const string Example = "e.g. Host=db.example.vn;Database=residentbot;Username=residentbot;Password=…";

    /// <summary>
    /// The configured string (keyword=value form) with the application named, so each host's sessions can be told
    /// apart in <c>pg_stat_activity</c>; a missing or malformed string is returned as it is, for <see cref="Problem"/>
    /// to report at start.
    /// </summary>
    public static string Build(string? configured)
    {
        if (Problem(configured) is not null)
        {
            return configured ?? string.Empty;
        }

        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "ResidentBot";
        }

        return builder.ConnectionString;
    }

    /// <summary>Why <paramref name="configured"/> cannot reach a PostgreSQL server, or null.</summary>
    public static string? Problem(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return $"must be set when Database:Provider is PostgreSql, {Example}";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            return string.IsNullOrEmpty(builder.Host) ? $"names no Host, {Example}" : null;
        }
        catch (ArgumentException ex)
        {
            return $"is not a PostgreSQL connection string ({ex.Message}), {Example}";
        }
    }
}
