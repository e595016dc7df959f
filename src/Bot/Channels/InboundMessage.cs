namespace ResidentBot.Bot.Channels;

/// <summary>
/// One message from any channel in a single normalized shape. Conversations and official actions see
/// only this type, never Telegram, Zalo or web chat types.
/// </summary>
public sealed record InboundMessage
{
    /// <summary>Channel name: <c>telegram</c>, <c>webchat</c>, <c>zalo</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The channel's id for this update; with <see cref="Channel"/> it is unique (the inbox key).</summary>
    public required string UpdateId { get; init; }

    /// <summary>Where replies go (a Telegram chat id, a web conversation id).</summary>
    public required string ChatId { get; init; }

    /// <summary>
    /// A private chat (one person: the only place a resident's or official's flow runs) or a group, where the bot
    /// only points to a private chat.
    /// </summary>
    public ChatKind ChatKind { get; init; }

    /// <summary>For a group: a link that opens a private chat with the bot, when the channel has one.</summary>
    public string? PrivateChatLink { get; init; }

    /// <summary>Who sent it (a Telegram user id); buttons are authorized against this.</summary>
    public required string UserId { get; init; }

    public string? UserDisplayName { get; init; }

    /// <summary>The client's language (e.g. <c>vi</c>, <c>en</c>), a hint for first contact only.</summary>
    public string? LanguageCode { get; init; }

    public InboundKind Kind { get; init; }

    /// <summary>The channel's id of this message, so a reply can refer to it.</summary>
    public string? MessageId { get; init; }

    /// <summary>Plain text, or a photo's caption.</summary>
    public string? Text { get; init; }

    /// <summary>For <see cref="InboundKind.Command"/>: the command without slash and without <c>@BotName</c>, lower case.</summary>
    public string? Command { get; init; }

    /// <summary>For <see cref="InboundKind.Command"/>: the text after the command, trimmed.</summary>
    public string? CommandArgs { get; init; }

    /// <summary>For <see cref="InboundKind.ButtonPress"/>: the id the channel wants answered.</summary>
    public string? CallbackId { get; init; }

    /// <summary>For <see cref="InboundKind.ButtonPress"/>: the button's data, untrusted until verified.</summary>
    public string? CallbackData { get; init; }

    public GeoPoint? Location { get; init; }

    /// <summary>Photos, largest size only.</summary>
    public IReadOnlyList<InboundFile> Photos { get; init; } = [];

    public string? ContactPhone { get; init; }

    /// <summary>The channel's id of the message this one replies to (Telegram's reply feature).</summary>
    public string? ReplyToMessageId { get; init; }

    /// <summary>
    /// The sender's client can share the device's location when asked (Telegram can; in the web chat only a client
    /// that says so, such as the product's own page). Prompts offer "share location" only then.
    /// </summary>
    public bool CanShareLocation { get; init; }
}

public enum ChatKind
{
    Private,
    Group,
}

public enum InboundKind
{
    Text,
    Command,
    ButtonPress,
    Location,
    Photo,
    Contact,

    /// <summary>Something we do not handle (a sticker, a voice note, an edited message); answered with help.</summary>
    Unsupported,
}

public sealed record GeoPoint(double Latitude, double Longitude);

public sealed record InboundFile(string FileRef, long? SizeBytes, string ContentType = "image/jpeg")
{
    /// <summary>Why the photo could not be stored (null once it is stored, or before it was fetched).</summary>
    public PhotoProblem? Problem { get; init; }
}

/// <summary>Why a photo a person sent could not be kept; the dialogue tells them and keeps everything else.</summary>
public enum PhotoProblem
{
    /// <summary>Larger than the channel lets us download (<see cref="ChannelCapabilities.MaxPhotoBytes"/>).</summary>
    TooLarge,

    /// <summary>Its bytes are not a JPEG, PNG, GIF or WebP image, whatever it claimed to be.</summary>
    NotAnImage,

    /// <summary>The channel could not give it to us now (network, an expired file reference).</summary>
    Unavailable,
}
