namespace ResidentBot.Routing.Dialogues;

/// <summary>A resident who asked to be reminded before a dialogue starts.</summary>
public sealed class DialogueSubscription
{
    public int Id { get; set; }

    public int DialogueId { get; set; }

    public int ResidentId { get; set; }

    public DateTimeOffset SubscribedAt { get; set; }

    /// <summary>When the reminder went out; set at once for a subscription made after the reminder time.</summary>
    public DateTimeOffset? RemindedAt { get; set; }
}
