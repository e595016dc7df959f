namespace ResidentBot.Persistence.WebChat;

/// <summary>
/// One Direct Line activity (from the user or from the bot) in a conversation's log. <see cref="Seq"/> is the
/// watermark, so a client reconnecting after a restart receives exactly what it has not seen.
/// </summary>
public sealed class WebChatActivity
{
    public long Id { get; set; }

    public required string ConversationId { get; set; }

    /// <summary>1, 2, 3… per conversation.</summary>
    public long Seq { get; set; }

    /// <summary>The activity as the client receives it (Direct Line 3.0 JSON).</summary>
    public required string Json { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
