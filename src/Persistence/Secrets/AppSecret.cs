namespace ResidentBot.Persistence.Secrets;

/// <summary>
/// A secret the application generates once and keeps (e.g. the key that signs button data), so it
/// survives restarts and is shared by every node that uses the same database.
/// </summary>
public sealed class AppSecret
{
    public required string Name { get; set; }

    public required byte[] Value { get; set; }
}
