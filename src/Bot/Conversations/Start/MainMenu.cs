using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Resources;

namespace ResidentBot.Bot.Conversations.Start;

/// <summary>The resident's persistent keyboard: report, my reports, other language.</summary>
internal static class MainMenu
{
    public const string ReportKey = "Resident.Menu.Report";
    public const string MyCasesKey = "Resident.Menu.MyCases";
    public const string LanguageKey = "Resident.Menu.Language";

    private static readonly string[] Keys = [ReportKey, MyCasesKey, LanguageKey];

    public static IReadOnlyList<string> Labels(string language) => [.. Keys.Select(k => Texts.Get(language, k))];

    /// <summary>A message that (re)shows the main-menu keyboard.</summary>
    public static OutboundMessage With(Turn turn, string text) => new()
    {
        Text = text,
        Keyboard = KeyboardKind.MainMenu,
        KeyboardLabels = Labels(turn.Language),
    };

    /// <summary>The menu entry a typed text stands for, in either language (a keyboard may predate a language switch).</summary>
    public static string? Match(InboundMessage message)
    {
        if (message.Kind != InboundKind.Text || string.IsNullOrWhiteSpace(message.Text))
        {
            return null;
        }

        var text = message.Text.Trim();
        return Keys.FirstOrDefault(key =>
            string.Equals(Texts.Get(Texts.Vietnamese, key), text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Texts.Get(Texts.English, key), text, StringComparison.OrdinalIgnoreCase));
    }
}
