using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ResidentBot.Routing.Engine;

namespace ResidentBot.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the stateless <see cref="RoutingEngineFactory"/>; the directory snapshot comes from Persistence,
    /// which asks the factory for the engine of the snapshot it loaded.
    /// </summary>
    public static IServiceCollection AddResidentRouting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<RoutingEngineFactory>();
        return services;
    }
}
