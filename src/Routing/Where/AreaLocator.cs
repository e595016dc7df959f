using ResidentBot.Routing.Directory;

namespace ResidentBot.Routing.Where;

/// <summary>Finds the area a report belongs to, by code, GPS position or free text; never guesses.</summary>
public sealed class AreaLocator
{
    private readonly DirectorySnapshot _directory;
    private readonly AreaPolygonIndex _polygons;
    private readonly AreaNameIndex _names;

    public AreaLocator(DirectorySnapshot directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _directory = directory;
        _polygons = new AreaPolygonIndex(directory);
        _names = new AreaNameIndex(directory);
    }

    public AreaMatch ByCode(string code) =>
        _directory.AreasByCode.TryGetValue(code?.Trim() ?? string.Empty, out var area)
            ? AreaMatch.Found(area, $"Area {area.Name} was given by code")
            : AreaMatch.Unknown($"No area has code \"{code}\"");

    /// <summary>The deepest area whose boundary covers the point; on a shared border, the lowest code wins.</summary>
    public AreaMatch ByPoint(double latitude, double longitude) => _polygons.Find(latitude, longitude);

    public AreaMatch ByText(string text) => _names.Find(text ?? string.Empty);
}
