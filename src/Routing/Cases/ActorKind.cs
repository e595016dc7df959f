namespace ResidentBot.Routing.Cases;

public enum ActorKind
{
    System = 0,
    Resident = 1,
    Official = 2,
}

/// <summary>Who did something to a case: the system (jobs), a resident or an official, by id.</summary>
public readonly record struct Actor(ActorKind Kind, int? Id)
{
    public static Actor System { get; } = new(ActorKind.System, null);

    public static Actor Resident(int id) => new(ActorKind.Resident, id);

    public static Actor Official(int id) => new(ActorKind.Official, id);
}
