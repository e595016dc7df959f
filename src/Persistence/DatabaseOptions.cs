using System.ComponentModel.DataAnnotations;

namespace ResidentBot.Persistence;

/// <summary>Settings of the <c>Database</c> section; the connection string itself is <c>ConnectionStrings:ResidentBot</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (one host, an embedded file) or <c>PostgreSql</c> (one or several hosts on a server).</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("(?i)^(Sqlite|PostgreSql)$", ErrorMessage = "must be Sqlite or PostgreSql.")]
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>The provider named by <paramref name="configured"/>; an unknown name reads as SQLite here and fails
    /// the options validation at start, which names the key.</summary>
    public static DatabaseProvider Parse(string? configured) =>
        string.Equals(configured?.Trim(), nameof(DatabaseProvider.PostgreSql), StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSql
            : DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>The provider and connection string this host uses, for the parts outside EF that need them (Hangfire's storage, listeners).</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString);
