using System.Globalization;
using System.Text;

namespace ResidentBot.Routing.Where;

/// <summary>Folds Vietnamese place text to comparable tokens: lower case, no diacritics, đ → d, no punctuation.</summary>
internal static class PlaceText
{
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    public static string[] Tokens(string text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The name without administrative prefixes or suffixes: "Phường Trần Phú" and "Tran Phu ward" → [tran, phu].</summary>
    public static string[] NameKey(string name)
    {
        var tokens = Tokens(name);
        var start = 0;
        while (start < tokens.Length && AdminMarkers.MatchAt(tokens, start) is { } marker && tokens.Length - start > marker.Length)
        {
            start += marker.Length;
        }

        var end = tokens.Length;
        while (end > start + 1 && AdminMarkers.EndsWithMarker(tokens, start, end) is { } length)
        {
            end -= length;
        }

        return tokens[start..end];
    }

    public static bool IsNumeric(IReadOnlyList<string> key) => key.All(t => t.All(char.IsAsciiDigit));
}
