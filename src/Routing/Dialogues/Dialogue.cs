namespace ResidentBot.Routing.Dialogues;

/// <summary>What a leader (or an administrator for them) announces: a topic, the areas invited, when and where.</summary>
public sealed record NewDialogue(
    int LeaderOfficialId, int LeaderAreaId, int ScopeAreaId, string Topic, string Place, DateTimeOffset StartsAt, TimeSpan Length, int AnnouncedByOfficialId);

/// <summary>
/// A leader's dialogue with residents (đối thoại): residents of the scope area and everything below it are invited,
/// send questions until it ends, and each question is answered by a deadline after it.
/// </summary>
public sealed class Dialogue
{
    public const int MaxTopicLength = 300;
    public const int MaxPlaceLength = 500;

    public int Id { get; private set; }

    /// <summary>The leader who holds it; it counts toward their yearly minimum.</summary>
    public int LeaderOfficialId { get; private set; }

    /// <summary>The area of the leader's post it counts for (its minimum comes from this area).</summary>
    public int LeaderAreaId { get; private set; }

    /// <summary>The residents of this area and everything below it are invited.</summary>
    public int ScopeAreaId { get; private set; }

    public string Topic { get; private set; } = string.Empty;

    /// <summary>A hall's address or an online meeting link, as the leader wrote it.</summary>
    public string Place { get; private set; } = string.Empty;

    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>Questions are taken until this instant; answers are due a while after it.</summary>
    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>The leader themself, or the administrator who announced it for them.</summary>
    public int AnnouncedByOfficialId { get; private set; }

    public DateTimeOffset AnnouncedAt { get; private set; }

    /// <summary>How many residents the announcement invited.</summary>
    public int InvitedCount { get; set; }

    public static Dialogue Announce(NewDialogue announced, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(announced);
        var topic = Bounded(announced.Topic, MaxTopicLength, nameof(announced.Topic));
        var place = Bounded(announced.Place, MaxPlaceLength, nameof(announced.Place));
        if (announced.StartsAt <= now)
        {
            throw new ArgumentException("A dialogue is announced before it starts.", nameof(announced));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(announced.Length, TimeSpan.Zero);
        return new Dialogue
        {
            LeaderOfficialId = announced.LeaderOfficialId,
            LeaderAreaId = announced.LeaderAreaId,
            ScopeAreaId = announced.ScopeAreaId,
            Topic = topic,
            Place = place,
            StartsAt = announced.StartsAt,
            EndsAt = announced.StartsAt + announced.Length,
            AnnouncedByOfficialId = announced.AnnouncedByOfficialId,
            AnnouncedAt = now,
        };
    }

    /// <summary>Residents send questions before it and while it runs.</summary>
    public bool TakesQuestions(DateTimeOffset now) => now < EndsAt;

    /// <summary>A dialogue counts as held once it has started.</summary>
    public bool IsHeld(DateTimeOffset now) => StartsAt <= now;

    private static string Bounded(string? text, int max, string name)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > max)
        {
            throw new ArgumentException($"{name} must have 1 to {max} characters.", name);
        }

        return trimmed;
    }
}
