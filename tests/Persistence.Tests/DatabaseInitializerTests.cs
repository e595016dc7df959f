using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
