using System.Globalization;

namespace ResidentBot.Bot.Notifications;

/// <summary>
/// The tag kept with every message sent about a case (<c>case:42</c>), so a reply to any of them can be traced back
/// to the case.
/// </summary>
internal static class CaseTag
{
    private const string Prefix = "case:";

    public static string For(long caseId) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{caseId}");

    public static bool TryParse(string? tag, out long caseId)
    {
        caseId = 0;
        return tag is not null && tag.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(tag.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out caseId);
    }
}
