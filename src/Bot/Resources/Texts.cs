using System.Globalization;
using System.Resources;

namespace ResidentBot.Bot.Resources;

/// <summary>
/// User-facing text from the resource files in this folder: X.resx is Vietnamese (the default) and
/// X.en.resx English. Each feature keeps its own file (keys prefixed by feature), so features can grow
/// without touching each other's files. Handlers ask by key; nothing user-facing is written inline in code.
/// </summary>
internal static class Texts
{
    public const string Vietnamese = "vi";
    public const string English = "en";

    private static readonly ResourceManager[] Managers =
        [.. new[] { "Texts", "ResidentTexts", "OfficialTexts", "ChaseTexts", "ZaloTexts", "DialogueTexts", "Open311Texts", "PublicTexts", "ConsoleTexts" }
            .Select(name => new ResourceManager($"ResidentBot.Bot.Resources.{name}", typeof(Texts).Assembly))];
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    public static string Get(string language, string key)
    {
        var culture = Culture(language);
        foreach (var manager in Managers)
        {
            if (manager.GetString(key, culture) is { } text)
            {
                return text;
            }
        }

        throw new InvalidOperationException($"Missing text resource '{key}'.");
    }

    public static string Format(string language, string key, params object?[] args) =>
        string.Format(Culture(language), Get(language, key), args);

    /// <summary>Culture for numbers and dates in messages.</summary>
    public static CultureInfo Culture(string language) => language == English ? En : Vi;

    /// <summary>Maps a client's language hint to one we speak; Vietnamese unless it is clearly English.</summary>
    public static string Normalize(string? language) =>
        language is not null && language.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : Vietnamese;
}
