namespace ResidentBot.Persistence.Open311;

/// <summary>
/// What an Open311 client sent with a case beyond the case itself: which key sent it (the client sees its own
/// requests in full) and the client's media link. The service notice is not kept: it is said again from the case as it
/// is now (after a transfer it names the new accountable title).
/// </summary>
public sealed class Open311Request
{
    public const int MaxMediaUrlLength = 2000;

    public long CaseId { get; set; }

    public int KeyId { get; set; }

    public string? MediaUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
