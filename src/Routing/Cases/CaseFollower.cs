namespace ResidentBot.Routing.Cases;

/// <summary>A resident who follows a case they did not report: they hear its updates and are asked to confirm the fix.</summary>
public sealed class CaseFollower
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public int ResidentId { get; set; }

    public DateTimeOffset Since { get; set; }

    /// <summary>The resident's own report that was marked a duplicate of this case; null when they chose to follow.</summary>
    public long? FromCaseId { get; set; }
}
