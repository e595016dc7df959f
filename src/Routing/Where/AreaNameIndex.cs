using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Directory;

namespace ResidentBot.Routing.Where;

/// <summary>
/// Finds areas named in free text. Names and aliases are folded (no diacritics, no case, no
/// administrative prefix) and looked up as whole-token sequences, so "tran phu" never matches "Trần Phúc".
/// </summary>
internal sealed class AreaNameIndex
{
    private readonly DirectorySnapshot _directory;
    private readonly Dictionary<string, Area[]> _byKey;
    private readonly int _longestKey;

    public AreaNameIndex(DirectorySnapshot directory)
    {
        _directory = directory;
        _byKey = directory.Areas
            .SelectMany(a => a.Aliases.Prepend(a.Name).Select(name => (Key: string.Join(' ', PlaceText.NameKey(name)), Area: a)))
            .Where(x => x.Key.Length > 0)
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Area).DistinctBy(a => a.Id).ToArray(), StringComparer.Ordinal);
        _longestKey = _byKey.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(0).Max();
    }

    public AreaMatch Find(string text)
    {
        var tokens = PlaceText.Tokens(text);
        var query = text.Trim();
        if (tokens.Length == 0)
        {
            return AreaMatch.Unknown("No place was given");
        }

        var (mentions, streets) = FindMentions(tokens);
        if (mentions.Count == 0)
        {
            return AreaMatch.Unknown($"No area matches \"{query}\"");
        }

        var marked = mentions.Where(m => m.Marker is { IsLocal: true }).ToList();
        var primary = (marked.Count > 0 ? marked : mentions).SelectMany(m => m.Areas).DistinctBy(a => a.Id).ToList();
        var all = mentions.SelectMany(m => m.Areas.Concat(m.Broader)).Select(a => a.Id).ToHashSet();

        // A mentioned area that contains another mentioned area is context ("..., Hải Dương"), not the answer.
        var specific = primary.Where(a => !all.Any(other => other != a.Id && IsAncestor(a.Id, other))).ToList();

        // "Xã Thanh Quang, Nam Sách": a name shared by a district and its town reads as the district when the text
        // also names another place inside that district.
        specific.RemoveAll(a => mentions.Any(m => m.Areas.Contains(a)
            && m.Broader.Any(b => specific.Any(o => o.Id != a.Id && !m.Areas.Contains(o) && IsAncestor(b.Id, o.Id)))));
        if (specific.Count == 0)
        {
            return AreaMatch.Unknown($"No area matches \"{query}\"");
        }

        // Context from what a name was read as counts first; from the broader reading it set aside, second.
        var ranked = specific
            .Select(a => (Area: a, Context: (mentions.Count + 1) * mentions.Count(m => Contains(m.Areas, a)) + mentions.Count(m => Contains(m.Broader, a))))
            .ToList();
        var best = ranked.Max(r => r.Context);
        var candidates = ranked.Where(r => r.Context == best).Select(r => r.Area)
            .OrderBy(a => a.Level).ThenBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Code, StringComparer.Ordinal)
            .ToList();
        if (candidates is [var only] && mentions.FirstOrDefault(m => m.Marker is null && m.Areas.Contains(only)) is { } named)
        {
            candidates = [.. SharedName.Readings(_directory, only, named.Broader)];
        }

        var match = AreaMatch.FromCandidates(candidates, query);
        return marked.Count > 0 && (mentions.Count > marked.Count || streets > 0) && match.IsFound
            ? match with { Explanation = $"{match.Explanation} (the ward named in the address)" }
            : match;
    }

    private (List<Mention> Mentions, int Streets) FindMentions(string[] tokens)
    {
        var mentions = new List<Mention>();
        var streets = 0;
        for (var i = 0; i < tokens.Length;)
        {
            var found = LongestKeyAt(tokens, i);
            if (found is not { } hit)
            {
                i++;
                continue;
            }

            var marker = AdminMarkers.EndingBefore(tokens, i);
            var wholeText = i == 0 && hit.Length == tokens.Length;
            var isStreet = marker is null && AdminMarkers.StreetBefore(tokens, i);
            var numericOnly = PlaceText.IsNumeric(tokens[i..(i + hit.Length)]);
            streets += isStreet ? 1 : 0;
            if (!isStreet && (!numericOnly || marker is not null || wholeText))
            {
                var fitting = marker is null ? hit.Areas : hit.Areas.Where(a => marker.Levels.Contains(a.Level)).ToArray();
                var readings = fitting.Length > 0 ? fitting : hit.Areas;
                var narrow = MostSpecific(readings);
                mentions.Add(new Mention(narrow, marker, [.. readings.Except(narrow)]));
            }

            i += hit.Length;
        }

        return (mentions, streets);
    }

    private (int Length, Area[] Areas)? LongestKeyAt(string[] tokens, int index)
    {
        for (var length = Math.Min(_longestKey, tokens.Length - index); length > 0; length--)
        {
            if (_byKey.TryGetValue(string.Join(' ', tokens, index, length), out var areas))
            {
                return (length, areas);
            }
        }

        return null;
    }

    // "Hải Dương" names both the province and its city; the narrower reading is the one a resident means.
    private Area[] MostSpecific(Area[] areas) =>
        areas.Where(a => !areas.Any(other => other.Id != a.Id && IsAncestor(a.Id, other.Id))).ToArray();

    private bool Contains(Area[] readings, Area area) => readings.Any(c => c.Id != area.Id && IsAncestor(c.Id, area.Id));

    private bool IsAncestor(int ancestorId, int areaId) =>
        _directory.SelfAndAncestors(areaId).Skip(1).Any(a => a.Id == ancestorId);

    /// <param name="Broader">Readings of the same name that contain one of <paramref name="Areas"/> (the district of a town).</param>
    private sealed record Mention(Area[] Areas, AdminMarker? Marker, Area[] Broader);
}
