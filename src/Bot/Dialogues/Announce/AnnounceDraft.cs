namespace ResidentBot.Bot.Dialogues.Announce;

/// <summary>A dialogue being announced, persisted as the conversation's data after every turn.</summary>
internal sealed class AnnounceDraft
{
    public int LeaderOfficialId { get; set; }

    public int LeaderAreaId { get; set; }

    public int? ScopeAreaId { get; set; }

    public string? Topic { get; set; }

    public DateTimeOffset? StartsAt { get; set; }

    public string? Place { get; set; }
}

internal static class AnnounceSteps
{
    public const string Flow = "dialogue.announce";
    public const string Topic = "topic";
    public const string Scope = "scope";
    public const string When = "when";
    public const string Place = "place";
    public const string Confirm = "confirm";
}
