namespace ResidentBot.Persistence.Open311;

/// <summary>
/// An Open311 client's API key (a FixMyStreet instance, a city app), made by an administrator. Only the SHA-256 of
/// the key is stored; a revoked key is kept so its requests still name their client.
/// </summary>
public sealed class Open311Key
{
    public const int MaxNameLength = 64;

    public int Id { get; set; }

    /// <summary>The administrator's name for the client, unique among keys not revoked.</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the key, hex.</summary>
    public required string KeyHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
