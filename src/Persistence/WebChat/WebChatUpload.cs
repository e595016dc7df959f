namespace ResidentBot.Persistence.WebChat;

/// <summary>
/// A file stored for a web conversation (a resident's photo or a picture the bot sent), so what one conversation
/// stores can be bounded and files no case kept can be removed.
/// </summary>
public sealed class WebChatUpload
{
    /// <summary>The file's random name in the files folder (its reference is <c>webchat:&lt;name&gt;</c>).</summary>
    public required string Name { get; set; }

    public required string ConversationId { get; set; }

    public long Bytes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
