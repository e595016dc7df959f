namespace ResidentBot.Routing.Results;

/// <summary>What the results count of one case, as the database holds it.</summary>
public readonly record struct CaseFacts(
    DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgeDueAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? ResolveDueAt,
    DateTimeOffset? ResolvedAt, int? Rating, TimeSpan PausedFor = default, int ReopenCount = 0);

/// <summary>
/// The one definition of the figures that hold officials to account, shared by the weekly scorecard to supervisors
/// and the public results page: on time means by the deadline the case had when it was met (a reopened case has new
/// deadlines; a resumed pause moved the resolve deadline), and time waiting for the resident is not the official's.
/// </summary>
public static class CaseOutcome
{
    public static bool AcknowledgedOnTime(DateTimeOffset? acknowledgedAt, DateTimeOffset? dueAt) =>
        acknowledgedAt is { } at && dueAt is { } due && at <= due;

    public static bool ResolvedOnTime(DateTimeOffset? resolvedAt, DateTimeOffset? dueAt) =>
        resolvedAt is { } at && dueAt is { } due && at <= due;

    /// <summary>
    /// Whether a deadline can already be judged at <paramref name="now"/>: it was met (on time or late), or it passed unmet.
    /// A case still inside its deadline counts neither for nor against; shares are taken over judged cases only.
    /// </summary>
    public static bool Judged(DateTimeOffset? metAt, DateTimeOffset? dueAt, DateTimeOffset now) =>
        metAt is not null || (dueAt is { } due && due <= now);

    /// <summary>Time from the report to the fix, less the time spent waiting for the resident; null while unresolved.</summary>
    public static TimeSpan? TimeToResolve(DateTimeOffset createdAt, DateTimeOffset? resolvedAt, TimeSpan pausedFor) =>
        resolvedAt is { } at ? Max(at - createdAt - pausedFor, TimeSpan.Zero) : null;

    /// <summary>Resolved at least once: resolved now, or resolved and then reopened by the resident.</summary>
    public static bool EverResolved(DateTimeOffset? resolvedAt, int reopenCount) => resolvedAt is not null || reopenCount > 0;

    /// <summary>The middle value of a sorted list (the mean of the two middle values when even); null when empty.</summary>
    public static TimeSpan? Median(IReadOnlyList<TimeSpan> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count switch
        {
            0 => null,
            var n when n % 2 == 1 => sorted[n / 2],
            var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
        };
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
