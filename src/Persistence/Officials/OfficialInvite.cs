namespace ResidentBot.Persistence.Officials;

/// <summary>
/// A one-time code that binds a chat account to an official of the directory. Only a hash of the code is
/// stored; it expires and can be used once.
/// </summary>
public sealed class OfficialInvite
{
    public long Id { get; set; }

    public int OfficialId { get; set; }

    /// <summary>SHA-256 of the code, hex.</summary>
    public required string CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>The channel user id that used the code (e.g. a Telegram user id).</summary>
    public string? UsedBy { get; set; }
}
