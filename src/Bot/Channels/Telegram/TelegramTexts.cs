using System.Globalization;
using System.Resources;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>Texts of the Telegram channel from TelegramCommands.resx (Vietnamese, neutral) and TelegramCommands.en.resx.</summary>
internal static class TelegramTexts
{
    private static readonly ResourceManager Resources =
        new("ResidentBot.Bot.Channels.Telegram.TelegramCommands", typeof(TelegramTexts).Assembly);

    public static string Get(string name, CultureInfo culture) =>
        Resources.GetString(name, culture) ?? throw new InvalidOperationException($"Missing Telegram text '{name}'.");
}
