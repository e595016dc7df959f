using System.Globalization;
using System.Text;

namespace ResidentBot.Bot.Hosting;

/// <summary>
/// Text from outside (button data, a request's error, a client's value) as it may appear in a log: quoted, cut to a
/// bound, and with every character that could end the line or disguise it (line breaks, control and format characters,
/// backslashes and quotes) escaped, so one request can neither fill the log nor forge a line in it.
/// </summary>
internal static class UntrustedText
{
    public const int DefaultMaxChars = 100;

    public static string ForLog(string? value, int maxChars = DefaultMaxChars)
    {
        if (value is null)
        {
            return "(none)";
        }

        var keep = Math.Min(value.Length, maxChars);
        if (keep > 0 && keep < value.Length && char.IsHighSurrogate(value[keep - 1]))
        {
            keep--; // never half a character
        }

        var text = new StringBuilder(keep + 32).Append('"');
        foreach (var c in value.AsSpan(0, keep))
        {
            Append(text, c);
        }

        text.Append('"');
        if (keep < value.Length)
        {
            text.Append(CultureInfo.InvariantCulture, $"… ({value.Length} chars)");
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, char c)
    {
        switch (c)
        {
            case '\n': text.Append("\\n"); return;
            case '\r': text.Append("\\r"); return;
            case '\t': text.Append("\\t"); return;
            case '\\': text.Append("\\\\"); return;
            case '"': text.Append("\\\""); return;
        }

        var category = char.GetUnicodeCategory(c);
        if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned
            || (category is UnicodeCategory.Surrogate && !char.IsSurrogate(c)))
        {
            text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            return;
        }

        text.Append(c);
    }
}
