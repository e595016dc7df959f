namespace ResidentBot.Persistence.WebConsole;

/// <summary>
/// A Telegram private chat (an official's) whose command menu the bot has set to include <c>/web</c>
/// (<c>setMyCommands</c> with a chat scope), and in which language: so each chat is set once, not at every start, and
/// the menu is taken back (<c>deleteMyCommands</c>) when the chat is no longer an official's.
/// </summary>
public sealed class TelegramWebMenu
{
    /// <summary>The Telegram chat id (the official's user id in a private chat).</summary>
    public required string ChatId { get; set; }

    /// <summary>The language the descriptions were set in (<c>vi</c> or <c>en</c>).</summary>
    public required string Language { get; set; }

    public DateTimeOffset SetAt { get; set; }
}
