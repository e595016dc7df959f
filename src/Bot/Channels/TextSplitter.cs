namespace ResidentBot.Bot.Channels;

/// <summary>Splits text over a channel's limit, preferring paragraph, then line, then word boundaries.</summary>
internal static class TextSplitter
{
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > limit)
        {
            var cut = FindCut(rest[..limit]);
            var part = rest[..cut].TrimEnd();
            if (!part.IsEmpty)
            {
                parts.Add(part.ToString());
            }

            rest = rest[cut..].TrimStart();
        }

        if (!rest.IsEmpty || parts.Count == 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    private static int FindCut(ReadOnlySpan<char> window)
    {
        // Accept a boundary only in the second half so a split never leaves a tiny fragment.
        var minimum = window.Length / 2;
        foreach (var separator in (string[])["\n\n", "\n", " "])
        {
            var at = window.LastIndexOf(separator.AsSpan());
            if (at >= minimum)
            {
                return at + separator.Length;
            }
        }

        var cut = window.Length;
        return char.IsHighSurrogate(window[cut - 1]) ? cut - 1 : cut;
    }
}
