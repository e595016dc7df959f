namespace ResidentBot.Routing.Cases;

/// <summary>
/// One reason why a case went to its official, as data: a stable code and its arguments (names from the directory,
/// titles, a reason typed by an official). The bot renders each code in the reader's language; the engine's English
/// sentence stays in the audit log.
/// </summary>
public sealed record RoutingReason(string Code, IReadOnlyList<string> Args)
{
    /// <summary>The category's specialist in the area (args: area).</summary>
    public const string Specialist = "specialist";

    /// <summary>The leader of the area (args: area).</summary>
    public const string Leader = "leader";

    /// <summary>The leader is not in post; the acting deputy (args: area).</summary>
    public const string ActingDeputy = "deputy";

    /// <summary>No one serves the case's area now; the nearest area above it (args: case area, post area).</summary>
    public const string SpecialistAbove = "specialist.above";

    /// <inheritdoc cref="SpecialistAbove"/>
    public const string LeaderAbove = "leader.above";

    /// <inheritdoc cref="SpecialistAbove"/>
    public const string ActingDeputyAbove = "deputy.above";

    /// <summary>Another official transferred it here (args: their title, their reason).</summary>
    public const string Transferred = "transferred";

    /// <summary>A supervisor handed it over (args: the supervisor's title).</summary>
    public const string Reassigned = "reassigned";

    /// <summary>The resident said the problem is not fixed (no args).</summary>
    public const string Reopened = "reopened";

    public static IReadOnlyList<string> Codes { get; } =
        [Specialist, Leader, ActingDeputy, SpecialistAbove, LeaderAbove, ActingDeputyAbove, Transferred, Reassigned, Reopened];

    public static RoutingReason TransferredBy(string officialTitle, string reason) => new(Transferred, [officialTitle, reason]);

    public static RoutingReason ReassignedBy(string supervisorTitle) => new(Reassigned, [supervisorTitle]);

    public static RoutingReason ReopenedByResident() => new(Reopened, []);

    public bool Equals(RoutingReason? other) =>
        other is not null && Code == other.Code && Args.SequenceEqual(other.Args, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Code, Args.Count);
}
