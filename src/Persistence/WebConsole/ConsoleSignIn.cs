namespace ResidentBot.Persistence.WebConsole;

/// <summary>
/// A one-time link into the web console, sent to an official through the bot. Only a hash of the code is stored; it
/// expires within minutes and is consumed by the confirming POST (never by the GET a link previewer makes).
/// </summary>
public sealed class ConsoleSignIn
{
    public long Id { get; set; }

    public int OfficialId { get; set; }

    /// <summary>SHA-256 of the code, hex.</summary>
    public required string CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>Where the link was asked for (<c>channel:user id</c>, or <c>cli</c>).</summary>
    public required string RequestedBy { get; set; }

    /// <summary>The language the official uses with the bot (<c>vi</c> or <c>en</c>); the console starts in it.</summary>
    public required string Language { get; set; }
}
