using ResidentBot.Routing.Areas;

namespace ResidentBot.Routing.Where;

public enum AreaMatchKind
{
    /// <summary>Exactly one area; routing can go on.</summary>
    Found,

    /// <summary>A short list the resident must choose from; the engine never guesses among them.</summary>
    Choices,

    /// <summary>Nothing matched; the bot must ask again.</summary>
    Unknown,
}

/// <summary>Where a report belongs: one area, a short list to choose from, or nothing.</summary>
public sealed record AreaMatch(AreaMatchKind Kind, Area? Area, IReadOnlyList<Area> Choices, string Explanation)
{
    public const int MaxChoices = 5;

    public bool IsFound => Kind == AreaMatchKind.Found;

    public static AreaMatch Found(Area area, string explanation) => new(AreaMatchKind.Found, area, [], explanation);

    public static AreaMatch Unknown(string explanation) => new(AreaMatchKind.Unknown, null, [], explanation);

    /// <summary>One candidate is a find, several are choices (at most <see cref="MaxChoices"/>), none is unknown.</summary>
    public static AreaMatch FromCandidates(IReadOnlyList<Area> ordered, string query) => ordered.Count switch
    {
        0 => Unknown($"No area matches \"{query}\""),
        1 => Found(ordered[0], $"\"{query}\" is {ordered[0].Name}"),
        _ => new(AreaMatchKind.Choices, null, ordered.Take(MaxChoices).ToArray(),
            $"\"{query}\" matches {ordered.Count} areas; the resident must choose"),
    };
}
