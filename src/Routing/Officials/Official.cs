namespace ResidentBot.Routing.Officials;

/// <summary>A person in the directory who can be accountable for cases or supervise those who are.</summary>
public sealed class Official
{
    public int Id { get; set; }

    /// <summary>Stable directory key; the import matches on it.</summary>
    public required string Code { get; set; }

    public required string FullName { get; set; }

    /// <summary>What residents are told, e.g. "Chủ tịch UBND phường Trần Phú".</summary>
    public required string Title { get; set; }

    public string? Phone { get; set; }

    /// <summary>The official's accounts, one per channel, bound from the directory or by an invite; none until onboarded.</summary>
    public List<OfficialIdentity> Identities { get; set; } = [];

    public List<Post> Posts { get; set; } = [];
}
