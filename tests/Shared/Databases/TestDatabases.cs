namespace ResidentBot.Tests.Databases;

/// <summary>The providers tests can run on, and the one they run on unless they pick one.</summary>
internal static class TestDatabases
{
    public static ITestDatabaseTemplate Sqlite { get; } = new SqliteTestDatabaseTemplate();

    /// <summary>SQLite, the product's default provider.</summary>
    public static ITestDatabaseTemplate Default => Sqlite;
}
