namespace ResidentBot.Persistence.WebChat;

/// <summary>
/// Binds an official to an account on a channel without a numeric Telegram id (the web chat demo), so the
/// dispatcher knows the sender is that official and the official's messages reach that chat.
/// </summary>
public sealed class OfficialChannelIdentity
{
    public int Id { get; set; }

    public int OfficialId { get; set; }

    /// <summary>Channel name, e.g. <c>webchat</c>.</summary>
    public required string Channel { get; set; }

    /// <summary>The channel's user id.</summary>
    public required string ExternalId { get; set; }

    /// <summary>Where messages to the official go on that channel (a web conversation id).</summary>
    public required string ChatId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
