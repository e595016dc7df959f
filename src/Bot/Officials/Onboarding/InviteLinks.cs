using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels.Telegram;

namespace ResidentBot.Bot.Officials.Onboarding;

/// <summary>Telegram deep links <c>https://t.me/&lt;bot&gt;?start=&lt;code&gt;</c>; the bot's name is learned at start or configured.</summary>
internal sealed class InviteLinks(IEnumerable<TelegramBotIdentity> identities, IOptions<TelegramOptions> telegram)
{
    public string? BotUsername =>
        identities.Select(i => i.Username).FirstOrDefault(u => u is not null) ?? Normalize(telegram.Value.BotUsername);

    public string? For(string code) => BotUsername is { } bot ? Link(bot, code) : null;

    public static string Link(string botUsername, string code) => $"https://t.me/{botUsername}?start={Uri.EscapeDataString(code)}";

    public static string? Normalize(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim().TrimStart('@');
}
