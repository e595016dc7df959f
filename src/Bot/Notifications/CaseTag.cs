using System.Globalization;

namespace ResidentBot.Bot.Notifications;

/// <summary>
/// The tag kept with every message sent about a case (<c>case:42</c>), so a reply to any of them can be traced back
/// to the case. A case card also names the official it was sent to (<c>case:42:card:7</c>), so the card can be found
/// and edited when the case changes.
/// </summary>
internal static class CaseTag
{
    private const string Prefix = "case:";
    private const string CardPart = ":card:";

    public static string For(long caseId) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{caseId}");

    public static string Card(long caseId, int officialId) => string.Create(CultureInfo.InvariantCulture, $"{CardPrefix(caseId)}{officialId}");

    /// <summary>A SQL <c>LIKE</c> pattern matching the tag of any case's card.</summary>
    public const string AnyCardPattern = Prefix + "%" + CardPart + "%";

    /// <summary>What every card of the case starts with.</summary>
    public static string CardPrefix(long caseId) => For(caseId) + CardPart;

    public static bool TryParse(string? tag, out long caseId)
    {
        caseId = 0;
        if (tag is null || !tag.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var id = tag.AsSpan(Prefix.Length);
        var end = id.IndexOf(':');
        return long.TryParse(end < 0 ? id : id[..end], NumberStyles.None, CultureInfo.InvariantCulture, out caseId);
    }

    /// <summary>The official a card was sent to, or null when the tag is not a card's.</summary>
    public static int? CardOfficial(string? tag)
    {
        var at = tag?.IndexOf(CardPart, StringComparison.Ordinal) ?? -1;
        return at >= 0 && int.TryParse(tag.AsSpan(at + CardPart.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
