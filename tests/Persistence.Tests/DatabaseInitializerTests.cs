using Microsoft.Data.Sqlite;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResidentBot.Persistence.Cases;
using ResidentBot.Persistence.DirectoryImport;
using ResidentBot.Persistence.Tests.Infrastructure;

namespace ResidentBot.Persistence.Tests;

public sealed class DatabaseInitializerTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_file_which_ends_up_in_WAL_mode()
    {
        await using var database = await TestDatabase.CreateAsync(importSample: false, fresh: true);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();

        Assert.True(File.Exists(database.FilePath));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Equal(0, await db.Areas.CountAsync());

        await using var connection = new SqliteConnection($"Data Source={database.FilePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Initializing_twice_imports_the_configured_directory_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var again = database.Scope())
        {
            await again.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }

        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        Assert.Equal(19, await db.Areas.CountAsync());
        Assert.Equal(7, await db.Categories.CountAsync());
        Assert.Single(await db.CalendarSettings.ToListAsync());
    }

    [Fact]
    public async Task A_host_starting_on_a_ready_database_does_not_run_the_migrator()
    {
        await using var database = await TestDatabase.CreateAsync(importSample: false, fresh: true);
        var connection = database.Services.GetRequiredService<DatabaseConnection>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ResidentBot"] = connection.ConnectionString,
            ["Database:Provider"] = connection.Provider.ToString(),
            ["Directory:Path"] = TestDatabase.SamplePath,
            ["Directory:ImportOnStart"] = "false",
        }).Build();
        var logs = new CapturedLogs();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        await using var restarted = services.AddSingleton<IConfiguration>(configuration).AddPersistence(configuration, database.Folder).BuildServiceProvider();
        await using (var scope = restarted.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }

        Assert.Contains(logs.Categories, c => c.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Categories, c => c.StartsWith("Microsoft.EntityFrameworkCore.Migrations", StringComparison.Ordinal));
        await using var check = restarted.CreateAsyncScope();
        Assert.Empty(await check.ServiceProvider.GetRequiredService<ResidentBotDbContext>().Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_relative_database_path_is_resolved_against_the_content_root()
    {
        await using var database = await TestDatabase.CreateAsync(importSample: false, settings: new() { ["ConnectionStrings:ResidentBot"] = "Data Source=test.db" });
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();

        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        Assert.Equal(database.FilePath, source);
    }

    [Fact]
    public async Task Options_bind_their_sections_and_reject_a_bad_tracking_prefix()
    {
        await using var database = await TestDatabase.CreateAsync(importSample: false, settings: new() { ["Cases:TrackingPrefix"] = "HD-1" });

        Assert.Throws<OptionsValidationException>(() => database.Services.GetRequiredService<IOptions<CaseOptions>>().Value);
        Assert.EndsWith("hai-duong.json", database.Services.GetRequiredService<IOptions<DirectoryOptions>>().Value.Path, StringComparison.Ordinal);
    }
}

/// <summary>The categories of every log entry written, whatever its level.</summary>
file sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> categories = new();

    public IReadOnlyCollection<string> Categories => categories;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, categories);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue(category);
    }
}
