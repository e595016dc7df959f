using ResidentBot.Routing.Areas;

namespace ResidentBot.Routing.Where;

/// <summary>A word (or two) that names an administrative level before or after a place name.</summary>
internal sealed record AdminMarker(string[] Tokens, AreaLevel[] Levels)
{
    public int Length => Tokens.Length;

    /// <summary>Ward and commune markers point at the unit a resident lives in; they beat street names in an address.</summary>
    public bool IsLocal => Levels.Any(l => l is AreaLevel.Ward or AreaLevel.Commune);
}

internal static class AdminMarkers
{
    private static readonly AreaLevel[] Local = [AreaLevel.Ward, AreaLevel.Commune];
    private static readonly AreaLevel[] District = [AreaLevel.District];
    private static readonly AreaLevel[] Province = [AreaLevel.Province];

    // "Thành phố" is both a provincial city (Hà Nội) and a district-level one (Hải Dương).
    private static readonly AreaLevel[] City = [AreaLevel.District, AreaLevel.Province];

    // Longest first so "thi tran" wins over a lone "thi".
    private static readonly AdminMarker[] All =
    [
        new(["thi", "tran"], Local), new(["thi", "xa"], District), new(["thanh", "pho"], City),
        new(["phuong"], Local), new(["p"], Local), new(["xa"], Local), new(["x"], Local), new(["tt"], Local),
        new(["ward"], Local), new(["commune"], Local), new(["town"], Local),
        new(["quan"], District), new(["q"], District), new(["huyen"], District), new(["district"], District),
        new(["tp"], City), new(["city"], City),
        new(["tinh"], Province), new(["province"], Province),
    ];

    /// <summary>Words that introduce a street, so a ward name after them is a street, not the ward.</summary>
    private static readonly string[][] Street =
        [["duong"], ["pho"], ["ngo"], ["ngach"], ["hem"], ["kiet"], ["street"], ["st"], ["road"]];

    public static AdminMarker? MatchAt(string[] tokens, int index) =>
        All.FirstOrDefault(m => SequenceAt(tokens, index, m.Tokens));

    /// <summary>The marker that ends exactly before <paramref name="index"/>, if any.</summary>
    public static AdminMarker? EndingBefore(string[] tokens, int index) =>
        All.FirstOrDefault(m => index - m.Length >= 0 && SequenceAt(tokens, index - m.Length, m.Tokens));

    public static bool StreetBefore(string[] tokens, int index) =>
        Street.Any(s => index - s.Length >= 0 && SequenceAt(tokens, index - s.Length, s));

    public static int? EndsWithMarker(string[] tokens, int start, int end) =>
        All.Where(m => end - m.Length > start && SequenceAt(tokens, end - m.Length, m.Tokens))
            .Select(m => (int?)m.Length).FirstOrDefault();

    public static bool SequenceAt(string[] tokens, int index, IReadOnlyList<string> sequence)
    {
        if (index < 0 || index + sequence.Count > tokens.Length)
        {
            return false;
        }

        for (var i = 0; i < sequence.Count; i++)
        {
            if (!string.Equals(tokens[index + i], sequence[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
