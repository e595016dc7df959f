using Xunit;

namespace ResidentBot.PostgreSql.Testing;

/// <summary>The database providers a test runs on, by name (the values of <c>Database:Provider</c>).</summary>
public static class Providers
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    /// <summary>For <c>[SkippableTheory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]</c>.</summary>
    public static TheoryData<string> Both => new() { Sqlite, PostgreSql };

    /// <summary>Call first in a test that takes a provider: a PostgreSQL run without a server reports itself skipped, with the reason.</summary>
    public static void SkipUnlessAvailable(string provider) =>
        Skip.If(provider == PostgreSql && PostgresServer.UnavailableReason is not null, PostgresServer.UnavailableReason);

    public static void SkipUnlessPostgresAvailable() => SkipUnlessAvailable(PostgreSql);
}
