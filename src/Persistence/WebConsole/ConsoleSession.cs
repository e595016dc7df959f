namespace ResidentBot.Persistence.WebConsole;

/// <summary>
/// One signed-in browser of the web console. The cookie carries a random key; only its SHA-256 is stored (the id), so
/// a reader of the database cannot make a cookie for someone's session. Every request checks the row (a primary-key
/// read), so revoking it here ends the session on every host at its next request.
/// </summary>
public sealed class ConsoleSession
{
    public const int MaxUserAgentLength = 200;

    /// <summary>SHA-256 of the session key in the cookie, hex.</summary>
    public required string Id { get; set; }

    public int OfficialId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last request seen, to the minute (it is written at most once a minute, not on every request).</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The browser's User-Agent at sign-in, cut to <see cref="MaxUserAgentLength"/>, so the official can tell their sessions apart.</summary>
    public string? UserAgent { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
