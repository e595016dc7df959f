namespace ResidentBot.Bot.Channels;

/// <summary>
/// What one channel can carry. Prompts and the outbox read this instead of knowing channels by name: a list longer
/// than <see cref="MaxButtons"/> is paged or numbered, "reply to this message" becomes "write your answer" without
/// <see cref="CanReplyToMessage"/>, an edit becomes a new message without <see cref="CanEditMessages"/>.
/// </summary>
public sealed record ChannelCapabilities
{
    /// <summary>Longest text one message may carry; longer texts are split by the adapter.</summary>
    public required int MaxTextLength { get; init; }

    /// <summary>Buttons one message may carry in all; 0 = the channel has no buttons (choices are numbered).</summary>
    public required int MaxButtons { get; init; }

    /// <summary>Longest button label the channel shows whole.</summary>
    public int MaxButtonLabelLength { get; init; } = 64;

    /// <summary>Whether a message sent earlier can be replaced in place (its text and buttons).</summary>
    public bool CanEditMessages { get; init; }

    /// <summary>Whether the client can share the device's location when asked (per client where it varies, see <see cref="InboundMessage.CanShareLocation"/>).</summary>
    public bool CanShareLocation { get; init; }

    /// <summary>Whether a user can answer a particular message (Telegram's reply), so "reply to this message" makes sense.</summary>
    public bool CanReplyToMessage { get; init; }

    /// <summary>Whether the channel has a persistent menu keyboard under the input field.</summary>
    public bool HasMenuKeyboard { get; init; }

    /// <summary>Largest photo the channel accepts from us or lets us download.</summary>
    public required long MaxPhotoBytes { get; init; }

    /// <summary>Photo types the channel accepts.</summary>
    public IReadOnlyList<string> PhotoContentTypes { get; init; } = ["image/jpeg", "image/png"];

    public bool HasButtons => MaxButtons > 0;
}
