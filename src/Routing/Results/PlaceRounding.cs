namespace ResidentBot.Routing.Results;

/// <summary>
/// Where a case is shown publicly: its point rounded to 3 decimal places of a degree, a grid of about 111 m north–south
/// and 104 m east–west at Hải Dương's latitude (21° N; 111.32 km × cos 21° per degree of longitude). Every case of a grid
/// cell shows at the cell's centre, so no published point is the reporter's door.
/// </summary>
public static class PlaceRounding
{
    public const int Decimals = 3;

    public static double Round(double degrees) => Math.Round(degrees, Decimals, MidpointRounding.AwayFromZero);
}
