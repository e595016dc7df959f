namespace ResidentBot.Bot.Channels;

/// <summary>One message to send on any channel, in a normalized shape that each adapter renders.</summary>
public sealed record OutboundMessage
{
    /// <summary>The text; adapters split it where the channel has a length limit (Telegram: 4096).</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Inline buttons, in rows.</summary>
    public IReadOnlyList<IReadOnlyList<OutboundButton>> Buttons { get; init; } = [];

    public KeyboardKind Keyboard { get; init; } = KeyboardKind.None;

    /// <summary>
    /// Set by the outbox when it shaped <see cref="Buttons"/> for the channel: every choice offered, in order. On a
    /// channel without buttons they are numbered in <see cref="Text"/> and a typed number picks one; on a channel with
    /// fewer buttons than choices, <see cref="Buttons"/> holds one page and a "more" button. Prompts leave it empty.
    /// </summary>
    public IReadOnlyList<OutboundButton> Choices { get; init; } = [];

    /// <summary>Which page of a paged list of choices to show (0 = the first); prompts leave it at 0.</summary>
    public int ChoicePage { get; init; }

    /// <summary>Labels for the persistent main-menu keyboard when <see cref="Keyboard"/> is MainMenu or RequestLocation.</summary>
    public IReadOnlyList<string> KeyboardLabels { get; init; } = [];

    /// <summary>
    /// Label of the share-location button when <see cref="Keyboard"/> is RequestLocation (the conversation knows the
    /// resident's language); a channel default is used when null.
    /// </summary>
    public string? RequestLocationLabel { get; init; }

    /// <summary>A photo to send: a channel file reference (e.g. Telegram file_id) ...</summary>
    public string? PhotoRef { get; init; }

    /// <summary>... or the path of a file written by us (e.g. a scorecard chart PNG).</summary>
    public string? PhotoPath { get; init; }

    /// <summary>Replace the text and buttons of a message we sent earlier instead of sending a new one.</summary>
    public string? EditMessageId { get; init; }

    /// <summary>Show this message as a reply to that one.</summary>
    public string? ReplyToMessageId { get; init; }

    /// <summary>
    /// Opaque tag kept with the sent message id (e.g. <c>case:42</c>), so a later reply to it can be traced
    /// back to what it was about.
    /// </summary>
    public string? Tag { get; init; }

    /// <summary>The language the text is written in (<c>vi</c>, <c>en</c>), so a client can show its own words in it too.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// Parts of <see cref="Text"/> only the reader may keep (an invite link): the outbox removes them from its stored
    /// copy once the message is sent or refused for good.
    /// </summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>
    /// What kind of notice this is (<c>case-update</c>, <c>please-confirm</c> …), for channels that can reach a person
    /// outside their free window only with a pre-approved template per notice (Zalo); null for ordinary replies.
    /// </summary>
    public string? Notice { get; init; }

    /// <summary>The values a notice template fills in (tracking code, status, …), by name.</summary>
    public IReadOnlyDictionary<string, string> NoticeParams { get; init; } = new Dictionary<string, string>();
}

public sealed record OutboundButton(string Label, string Data);

public enum KeyboardKind
{
    /// <summary>Leave the keyboard as it is.</summary>
    None,

    /// <summary>Show the main-menu reply keyboard.</summary>
    MainMenu,

    /// <summary>Show a keyboard whose first button shares the user's location.</summary>
    RequestLocation,

    /// <summary>Hide the reply keyboard.</summary>
    Remove,
}
