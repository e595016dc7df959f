namespace ResidentBot.Routing.Open311;

/// <summary>
/// How precisely a case's point is shown to someone other than whoever reported it: rounded to three decimals, about
/// 110 m north–south and at most that east–west, so a report shows the street, not the house.
/// </summary>
public static class PlacePrivacy
{
    public const int Decimals = 3;

    public static double? Rounded(double? coordinate) => coordinate is { } value ? Math.Round(value, Decimals, MidpointRounding.AwayFromZero) : null;
}
