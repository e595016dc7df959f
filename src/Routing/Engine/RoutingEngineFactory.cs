using System.Runtime.CompilerServices;
using ResidentBot.Routing.Directory;

namespace ResidentBot.Routing.Engine;

/// <summary>
/// Builds one engine per snapshot and reuses it: parsing every boundary on each report would be wasteful,
/// and a snapshot is immutable, so its engine is too. Entries go when the snapshot is collected.
/// </summary>
public sealed class RoutingEngineFactory
{
    private readonly ConditionalWeakTable<DirectorySnapshot, RoutingEngine> _engines = [];

    public RoutingEngine For(DirectorySnapshot directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return _engines.GetValue(directory, RoutingEngine.Create);
    }
}
