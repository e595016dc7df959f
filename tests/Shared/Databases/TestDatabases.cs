namespace ResidentBot.Tests.Databases;

/// <summary>The providers tests can run on, and the one they run on unless they pick one.</summary>
internal static class TestDatabases
{
    /// <summary>Names the provider tests run on when they pick none (<c>PostgreSql</c> runs a whole test project there).</summary>
    public const string ProviderVariable = "RESIDENTBOT_TEST_PROVIDER";

    public static ITestDatabaseTemplate Sqlite { get; } = new SqliteTestDatabaseTemplate();

    public static ITestDatabaseTemplate PostgreSql { get; } = new PostgreSqlTestDatabaseTemplate();

    private static readonly ITestDatabaseTemplate FromEnvironment =
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "PostgreSql", StringComparison.OrdinalIgnoreCase) ? PostgreSql : Sqlite;

    private static readonly AsyncLocal<ITestDatabaseTemplate?> Chosen = new();

    /// <summary>
    /// The provider a test chose with <see cref="Use"/>; else SQLite, the product's default provider, unless
    /// <see cref="ProviderVariable"/> says <c>PostgreSql</c>.
    /// </summary>
    public static ITestDatabaseTemplate Default => Chosen.Value ?? FromEnvironment;

    /// <summary>
    /// Runs the rest of this test on <paramref name="template"/>'s provider: hosts and databases it starts without naming
    /// one use it. A test class runs on PostgreSQL by taking it in its constructor (xunit runs the constructor and the
    /// test in one flow) and giving it back in Dispose: <c>class XOnPostgreSql : X, IDisposable</c>.
    /// </summary>
    public static IDisposable Use(ITestDatabaseTemplate template)
    {
        var previous = Chosen.Value;
        Chosen.Value = template;
        return new Restore(previous);
    }

    /// <summary>The template of the provider named <paramref name="provider"/> (<c>Sqlite</c> or <c>PostgreSql</c>).</summary>
    public static ITestDatabaseTemplate For(string provider) =>
        string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase) ? PostgreSql : Sqlite;

    private sealed class Restore(ITestDatabaseTemplate? previous) : IDisposable
    {
        public void Dispose() => Chosen.Value = previous;
    }
}
