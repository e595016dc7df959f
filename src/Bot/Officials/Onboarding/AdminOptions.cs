namespace ResidentBot.Bot.Officials.Onboarding;

/// <summary>Who may administer the bot from the chat (section <c>Admin</c>), e.g. issue invite links with /invite.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Telegram user ids of administrators; they must also be bound to an official of the directory.</summary>
    public IReadOnlyList<long> TelegramUserIds { get; set; } = [];
}
