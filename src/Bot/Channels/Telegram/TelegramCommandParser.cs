using System.Text.RegularExpressions;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>
/// Parses <c>/command@BotName args</c>. A command addressed to another bot is not ours (ForUs = false); while our
/// username is still unknown (getMe not answered yet) any <c>@BotName</c> is stripped.
/// </summary>
internal static partial class TelegramCommandParser
{
    public sealed record ParsedCommand(string Name, string? Args, bool ForUs);

    public static ParsedCommand? TryParse(string text, string? ourUsername)
    {
        var match = CommandPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var target = match.Groups["bot"];
        var forUs = !target.Success || ourUsername is null
            || string.Equals(target.Value, ourUsername, StringComparison.OrdinalIgnoreCase);
        var args = text[match.Length..].Trim();
        return new ParsedCommand(match.Groups["name"].Value.ToLowerInvariant(), args.Length == 0 ? null : args, forUs);
    }

    [GeneratedRegex(@"^/(?<name>[A-Za-z0-9_]{1,32})(@(?<bot>[A-Za-z0-9_]{3,64}))?(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex CommandPattern();
}
