namespace ResidentBot.Persistence.Cases;

/// <summary>The next number to issue for tracking codes of one prefix and year.</summary>
public sealed class TrackingSequence
{
    public required string Prefix { get; set; }

    public int Year { get; set; }

    public int Next { get; set; }
}
