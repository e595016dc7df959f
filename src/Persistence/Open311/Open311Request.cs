namespace ResidentBot.Persistence.Open311;

/// <summary>
/// What an Open311 client sent with a case beyond the case itself: which key sent it (the client sees its own
/// requests in full) and the client's media link, with how fetching that link went. The service notice is not kept: it
/// is said again from the case as it is now (after a transfer it names the new accountable title).
/// </summary>
public sealed class Open311Request
{
    public const int MaxMediaUrlLength = 2000;
    public const int MaxMediaProblemLength = 200;

    public long CaseId { get; set; }

    public int KeyId { get; set; }

    public string? MediaUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Where fetching <see cref="MediaUrl"/> into the case's photos stands.</summary>
    public Open311MediaStatus MediaStatus { get; set; }

    /// <summary>Fetches begun (a claim counts one, so a fetch cut short by a crash counts too).</summary>
    public int MediaAttempts { get; set; }

    /// <summary>
    /// When the next fetch may begin; set only while <see cref="Open311MediaStatus.Pending"/> (a claim moves it past the
    /// fetch's own time, so two runners never fetch at once). The sweep reads it through its index.
    /// </summary>
    public DateTimeOffset? MediaNextAttemptAt { get; set; }

    /// <summary>Why the link was refused, or the last failure (for officials and the log; never shown to clients).</summary>
    public string? MediaProblem { get; set; }
}

/// <summary>How fetching an Open311 request's <c>media_url</c> went.</summary>
public enum Open311MediaStatus
{
    /// <summary>No link, or fetching is off (<c>Open311:MediaHosts</c> empty): the link is only kept.</summary>
    None = 0,

    /// <summary>To be fetched at <see cref="Open311Request.MediaNextAttemptAt"/>.</summary>
    Pending = 1,

    /// <summary>Fetched, checked and stored as the case's photo.</summary>
    Stored = 2,

    /// <summary>A guard refused it (host not allowed, private address, too large, not an image…): not tried again.</summary>
    Refused = 3,

    /// <summary>Network failures every attempt: given up.</summary>
    Failed = 4,
}
