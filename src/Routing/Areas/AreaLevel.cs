namespace ResidentBot.Routing.Areas;

public enum AreaLevel
{
    Province = 1,
    District = 2,
    Ward = 3,
    Commune = 4,
}
