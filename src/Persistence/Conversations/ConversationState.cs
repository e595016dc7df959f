namespace ResidentBot.Persistence.Conversations;

/// <summary>
/// Where a chat is in a multi-step dialogue (e.g. the report flow at "describe the problem") and the
/// answers so far. Saved with every turn, so a restart in the middle of a report loses nothing.
/// </summary>
public sealed class ConversationState
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    public required string ChatId { get; set; }

    /// <summary>The active flow (e.g. <c>report</c>), or null when the chat is idle.</summary>
    public string? Flow { get; set; }

    /// <summary>The step within the flow the next input answers.</summary>
    public string? Step { get; set; }

    /// <summary>The flow's answers so far, as JSON.</summary>
    public string? Data { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Concurrency token, raised by every save that changes the state: of two turns that edited one conversation at
    /// once, the second to save fails (and its turn is redone from fresh state) instead of silently winning.
    /// </summary>
    public int Version { get; set; }
}
