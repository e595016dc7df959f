using System.Globalization;
using Telegram.Bot.Types;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>The commands shown in Telegram's menu; descriptions come from TelegramCommands*.resx.</summary>
internal static class TelegramCommandList
{
    public static readonly IReadOnlyList<string> Names = ["start", "report", "status", "mycases", "doithoai", "help", "cancel"];

    public static IReadOnlyList<BotCommand> For(CultureInfo culture) =>
        [.. Names.Select(name => new BotCommand(name, TelegramTexts.Get($"Command_{name}", culture)))];
}
