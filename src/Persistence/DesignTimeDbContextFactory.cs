using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ResidentBot.Persistence;

/// <summary>Lets <c>dotnet ef migrations add X --project src/Persistence</c> build the model without the host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ResidentBotDbContext>
{
    public ResidentBotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ResidentBotDbContext>();
        PersistenceServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=residentbot.design.db");
        return new ResidentBotDbContext(options.Options);
    }
}
