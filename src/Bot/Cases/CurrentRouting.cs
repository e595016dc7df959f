using ResidentBot.Persistence.DirectoryImport;
using ResidentBot.Routing.Engine;

namespace ResidentBot.Bot.Cases;

/// <summary>The routing engine for the directory as it is now (reloaded after each import).</summary>
internal sealed class CurrentRouting(DirectorySnapshotLoader loader, RoutingEngineFactory factory)
{
    public async Task<RoutingEngine> GetAsync(CancellationToken cancellationToken) =>
        factory.For(await loader.GetAsync(cancellationToken));
}
