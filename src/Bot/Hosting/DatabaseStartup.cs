using ResidentBot.Persistence;

namespace ResidentBot.Bot.Hosting;

/// <summary>
/// Creates or migrates the database and loads the directory before anything else starts; registered first,
/// so the inbox, outbox and jobs only ever see a ready database.
/// </summary>
internal sealed class DatabaseStartup(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
