using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>Telegram's deep link <c>https://t.me/&lt;bot&gt;?start=&lt;code&gt;</c>: opening it sends <c>/start code</c> by itself.</summary>
internal sealed class TelegramEntry(TelegramBotIdentity identity, IOptions<TelegramOptions> options) : IChannelEntry
{
    public string Channel => ChannelNames.Telegram;

    public string? BotUsername => identity.Username ?? Normalize(options.Value.BotUsername);

    public ChannelEntryPoint? For(string code) =>
        BotUsername is { } bot ? new ChannelEntryPoint(Channel, Link(bot, code), CodeInLink: true) : null;

    public static string Link(string botUsername, string code) => $"https://t.me/{botUsername}?start={Uri.EscapeDataString(code)}";

    public static string? Normalize(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim().TrimStart('@');
}
