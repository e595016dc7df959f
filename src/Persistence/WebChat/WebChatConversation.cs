namespace ResidentBot.Persistence.WebChat;

/// <summary>A Direct Line conversation of the web chat channel; its user id comes from the token that opened it.</summary>
public sealed class WebChatConversation
{
    /// <summary>Random, unguessable id; the channel's chat id.</summary>
    public required string Id { get; set; }

    /// <summary>The web user the conversation belongs to (the channel's user id); only their token reaches it.</summary>
    public required string UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
