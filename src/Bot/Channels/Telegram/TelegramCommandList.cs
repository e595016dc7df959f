using System.Globalization;
using Telegram.Bot.Types;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>The commands shown in Telegram's menu; descriptions come from TelegramCommands*.resx.</summary>
internal static class TelegramCommandList
{
    public static readonly IReadOnlyList<string> Names = ["start", "report", "status", "mycases", "doithoai", "help", "cancel"];

    /// <summary>What an official's private chat adds to the residents' menu (set per chat, <see cref="TelegramWebMenus"/>).</summary>
    public static readonly IReadOnlyList<string> OfficialNames = [.. Names, "web"];

    public static IReadOnlyList<BotCommand> For(CultureInfo culture) => Of(Names, culture);

    public static IReadOnlyList<BotCommand> ForOfficials(CultureInfo culture) => Of(OfficialNames, culture);

    private static BotCommand[] Of(IEnumerable<string> names, CultureInfo culture) =>
        [.. names.Select(name => new BotCommand(name, TelegramTexts.Get($"Command_{name}", culture)))];
}
