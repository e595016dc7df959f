namespace ResidentBot.Routing.Engine;

/// <summary>Where the resident says the problem is: an area code, a GPS position or free text.</summary>
public abstract record PlaceQuery
{
    private protected PlaceQuery()
    {
    }

    public static PlaceQuery ByCode(string areaCode) => new AreaCodeQuery(areaCode);

    public static PlaceQuery ByPoint(double latitude, double longitude) => new PointQuery(latitude, longitude);

    public static PlaceQuery ByText(string text) => new TextQuery(text);
}

public sealed record AreaCodeQuery(string AreaCode) : PlaceQuery;

public sealed record PointQuery(double Latitude, double Longitude) : PlaceQuery;

public sealed record TextQuery(string Text) : PlaceQuery;
