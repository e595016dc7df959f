using System.Text.RegularExpressions;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>
/// A Zalo button (<c>oa.query.show</c>) comes back as the person's own text carrying the button's payload, shown in
/// their chat. The payload is the label, so the bubble reads as the choice, followed by <c> #</c> and the same signed
/// button data the other channels carry; the dispatcher verifies that data as for any press.
/// </summary>
internal static partial class ZaloButtonPayload
{
    /// <summary>Zalo shows at most this many characters of a button's title.</summary>
    public const int MaxTitleLength = 100;

    public static string Of(OutboundButton button) => $"{Title(button.Label)} #{button.Data}";

    /// <summary>The title Zalo shows: the label, cut with an ellipsis when longer than Zalo allows.</summary>
    public static string Title(string label) =>
        label.Length <= MaxTitleLength ? label : string.Concat(label.AsSpan(0, MaxTitleLength - 1), "…");

    /// <summary>The signed button data a tapped button's text carries, or null for typed text.</summary>
    public static string? DataIn(string? text) =>
        text is not null && Pattern().Match(text.TrimEnd()) is { Success: true } match ? match.Groups["data"].Value : null;

    // action:argument:signature, as ButtonCodec writes it (12 base64url characters of signature).
    [GeneratedRegex(@"(?:^|\s)#(?<data>[^\s:#]+:[^\s:]*:[A-Za-z0-9_-]{12})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
