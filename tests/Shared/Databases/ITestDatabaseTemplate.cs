namespace ResidentBot.Tests.Databases;

/// <summary>
/// Hands out databases to tests, one per host (or per persistence test), from a template that is migrated and loaded
/// once per test process: copying a ready database is much cheaper than migrating and importing for every host. One
/// implementation per provider (<see cref="SqliteTestDatabaseTemplate"/>; a PostgreSQL one would copy with
/// <c>CREATE DATABASE … TEMPLATE …</c>); <see cref="TestDatabases"/> says which one a test runs on.
/// </summary>
internal interface ITestDatabaseTemplate
{
    /// <summary>The <c>Database:Provider</c> name the databases are for (<c>Sqlite</c>, …).</summary>
    string Provider { get; }

    /// <summary>
    /// The database named <see cref="TestDatabaseRequest.Name"/> in <see cref="TestDatabaseRequest.Folder"/>: the same folder
    /// and name reach the same database again (a restart finds its data). A database that does not exist yet starts as
    /// the request says: a copy of the template, or nothing at all for the host's start-up to create.
    /// </summary>
    Task<TestDatabaseLease> LeaseAsync(TestDatabaseRequest request, CancellationToken cancellationToken = default);
}

/// <param name="Folder">The test's own temp folder (a file-based provider keeps the database there).</param>
/// <param name="Name">The database's name within the folder (<c>bot</c>, <c>test</c>).</param>
/// <param name="FromTemplate">
/// True: a new database is a copy of the template — migrated and, with <paramref name="DirectoryPath"/>, holding that
/// directory, as <c>DatabaseInitializer</c> leaves it. False: a new database does not exist until the host creates it
/// (tests of first start-up, of other directories, of settings that change the initial data).
/// </param>
/// <param name="DirectoryPath">The directory file the template imports (full path); null: migrated only.</param>
internal sealed record TestDatabaseRequest(string Folder, string Name, bool FromTemplate, string? DirectoryPath);

/// <summary>A database handed to one host or test: the settings that point <c>AddPersistence</c> at it.</summary>
internal sealed class TestDatabaseLease(
    string provider,
    string connectionString,
    bool copiedFromTemplate,
    IReadOnlyDictionary<string, string?> settings,
    Func<ValueTask>? drop = null) : IAsyncDisposable
{
    public string Provider { get; } = provider;

    /// <summary>The value for <c>ConnectionStrings:ResidentBot</c>.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>Whether this lease created the database from the template (false: it existed, or starts empty).</summary>
    public bool CopiedFromTemplate { get; } = copiedFromTemplate;

    /// <summary>Configuration keys to merge into the host's settings (the connection string, the provider).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; } = settings;

    /// <summary>Drops the database (a file-based one goes with its folder, which its owner deletes).</summary>
    public ValueTask DisposeAsync() => drop?.Invoke() ?? ValueTask.CompletedTask;
}
