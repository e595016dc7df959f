using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ResidentBot.Persistence;

/// <summary>
/// Lets the ef tool build the model without the host: SQLite by default, PostgreSQL when the tool is given
/// <c>-- --provider PostgreSql</c> (tools/add-migration.sh adds a migration for both).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ResidentBotDbContext>
{
    public ResidentBotDbContext CreateDbContext(string[] args)
    {
        var at = Array.FindIndex(args, a => a is "--provider");
        var provider = DatabaseOptions.Parse(at >= 0 && at + 1 < args.Length ? args[at + 1] : null);
        var options = new DbContextOptionsBuilder<ResidentBotDbContext>();
        PersistenceServiceCollectionExtensions.Configure(options, provider == DatabaseProvider.PostgreSql
            ? new DatabaseConnection(provider, "Host=localhost;Database=residentbot_design")
            : new DatabaseConnection(provider, "Data Source=residentbot.design.db"));
        return new ResidentBotDbContext(options.Options);
    }
}
