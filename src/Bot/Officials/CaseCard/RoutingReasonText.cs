using ResidentBot.Bot.Resources;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.CaseCard;

/// <summary>"Why you" on the card, in the reader's language, from the reasons stored with the case.</summary>
internal static class RoutingReasonText
{
    /// <summary>Cases assigned before reasons were stored show the explanation they were saved with.</summary>
    public static string For(string language, Case @case) =>
        @case.RoutingReasons is { Count: > 0 } reasons
            ? string.Join(" ", reasons.Select(r => Texts.Format(language, $"Official.Reason.{r.Code}", [.. r.Args])))
            : @case.RoutingExplanation ?? string.Empty;
}
