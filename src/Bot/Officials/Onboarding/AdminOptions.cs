using System.ComponentModel.DataAnnotations;

namespace ResidentBot.Bot.Officials.Onboarding;

/// <summary>Who may administer the bot from the chat (section <c>Admin</c>), e.g. issue invite links with /invite.</summary>
public sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Admin";

    /// <summary>Administrators' accounts as <c>channel:user id</c> (e.g. <c>telegram:123</c>, <c>zalo:456</c>); each must also be bound to an official.</summary>
    public IReadOnlyList<string> Identities { get; set; } = [];

    /// <summary>Telegram user ids of administrators (the older form of <c>telegram:&lt;id&gt;</c> in <see cref="Identities"/>).</summary>
    public IReadOnlyList<long> TelegramUserIds { get; set; } = [];

    public bool IsAdmin(string channel, string userId) =>
        Identities.Any(i => string.Equals(i.Trim(), $"{channel}:{userId}", StringComparison.OrdinalIgnoreCase))
        || (channel == Channels.ChannelNames.Telegram && TelegramUserIds.Any(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture) == userId));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var identity in Identities.Where(i => i.Split(':') is not [{ Length: > 0 }, { Length: > 0 }]))
        {
            yield return new ValidationResult($"Admin:Identities entry '{identity}' must be channel:userId, e.g. telegram:123", [nameof(Identities)]);
        }
    }
}
