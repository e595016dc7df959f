namespace ResidentBot.Persistence.Chase;

/// <summary>
/// The case set of the last digest sent to a supervisor, so the next digest can say what changed
/// (new, still open, cleared). One row per supervisor and digest kind, overwritten each time.
/// </summary>
public sealed class DigestSnapshot
{
    public int Id { get; set; }

    public int SupervisorId { get; set; }

    /// <summary>Which digest, e.g. <c>daily</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>Case ids in the digest, comma-separated in ascending order.</summary>
    public string CaseIds { get; set; } = string.Empty;

    public DateTimeOffset SentAt { get; set; }
}
