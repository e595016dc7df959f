namespace ResidentBot.Bot.Open311.Wire;

/// <summary>
/// One named value of a GeoReport v2 element: text, a number, a boolean, null (an empty element in XML), or a nested
/// list (<see cref="GeoList"/>) such as a service definition's attributes.
/// </summary>
internal sealed record GeoField(string Name, object? Value)
{
    public static GeoField Text(string name, string? value) => new(name, value);

    public static GeoField Number(string name, double? value) => new(name, value);

    public static GeoField Flag(string name, bool value) => new(name, value);
}

/// <summary>A list of elements named <paramref name="ItemName"/>: JSON an array of objects, XML one child element per item.</summary>
internal sealed record GeoList(string ItemName, IReadOnlyList<IReadOnlyList<GeoField>> Items);
