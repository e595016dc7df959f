using System.Globalization;
using System.Text.RegularExpressions;

namespace ResidentBot.Routing.Cases;

/// <summary>Public case code: prefix, year and a six-digit sequence within the year, e.g. <c>HD-2026-000123</c>.</summary>
public static partial class TrackingCode
{
    public static string Format(string prefix, int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year:D4}-{sequence:D6}");

    /// <summary>Accepts what a resident may type: any case, surrounding spaces, an optional leading '#'.</summary>
    public static bool TryNormalize(string? text, out string code)
    {
        code = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Pattern().Match(text.Trim().TrimStart('#'));
        if (!match.Success)
        {
            return false;
        }

        code = match.Value.ToUpperInvariant();
        return true;
    }

    [GeneratedRegex(@"^[A-Za-z]{1,10}-\d{4}-\d{6,}$")]
    private static partial Regex Pattern();
}
