namespace ResidentBot.Routing.Residents;

/// <summary>A person who reports problems; one resident may reach us through several channels.</summary>
public sealed class Resident
{
    public int Id { get; set; }

    public string? DisplayName { get; set; }

    public string? Phone { get; set; }

    /// <summary>Language for replies: <c>vi</c> (default) or <c>en</c>.</summary>
    public string Language { get; set; } = "vi";

    public DateTimeOffset CreatedAt { get; set; }

    public List<ResidentIdentity> Identities { get; set; } = [];
}
