namespace ResidentBot.Tests.Databases;

/// <summary>The providers tests can run on, and the one they run on unless they pick one.</summary>
internal static class TestDatabases
{
    /// <summary>Names the provider tests run on when they pick none (<c>PostgreSql</c> runs a whole test project there).</summary>
    public const string ProviderVariable = "RESIDENTBOT_TEST_PROVIDER";

    public static ITestDatabaseTemplate Sqlite { get; } = new SqliteTestDatabaseTemplate();

    public static ITestDatabaseTemplate PostgreSql { get; } = new PostgreSqlTestDatabaseTemplate();

    /// <summary>SQLite, the product's default provider, unless <see cref="ProviderVariable"/> says <c>PostgreSql</c>.</summary>
    public static ITestDatabaseTemplate Default { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "PostgreSql", StringComparison.OrdinalIgnoreCase) ? PostgreSql : Sqlite;

    /// <summary>The template of the provider named <paramref name="provider"/> (<c>Sqlite</c> or <c>PostgreSql</c>).</summary>
    public static ITestDatabaseTemplate For(string provider) =>
        string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase) ? PostgreSql : Sqlite;
}
