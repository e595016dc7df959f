using System.Globalization;

namespace ResidentBot.Bot.Chase;

/// <summary>Tag of a progress request, so the official's reply to it can be traced back to its case.</summary>
internal static class ProgressTag
{
    private const string Prefix = "progress:";

    public static string For(long caseId) => Prefix + caseId.ToString(CultureInfo.InvariantCulture);

    public static bool TryRead(string? tag, out long caseId)
    {
        caseId = 0;
        return tag is not null && tag.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(tag.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out caseId);
    }
}
