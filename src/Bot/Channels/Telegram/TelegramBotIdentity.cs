namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>What we know about our own bot: its username (from settings or getMe), used to strip <c>@BotName</c>.</summary>
internal sealed class TelegramBotIdentity(string? username = null)
{
    private volatile string? _username = Normalize(username);

    public string? Username
    {
        get => _username;
        set => _username = Normalize(value);
    }

    private static string? Normalize(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Trim().TrimStart('@');
}
