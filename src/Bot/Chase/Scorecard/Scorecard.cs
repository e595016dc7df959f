namespace ResidentBot.Bot.Chase.Scorecard;

/// <summary>What the scorecard needs of one case received in the period.</summary>
internal sealed record ScoreCase(
    string Ward, string Official, DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgeDueAt, DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ResolveDueAt, DateTimeOffset? ResolvedAt, int? Rating, TimeSpan PausedFor = default);

/// <summary>One line of the scorecard: a ward, or an official within a ward.</summary>
internal sealed record ScoreLine(
    string Ward, string? Official, int Received, int AcknowledgedOnTime, int ResolvedOnTime, TimeSpan? MedianToResolve, double? AverageRating,
    int Paused = 0, TimeSpan PausedTotal = default)
{
    public double OnTimeRate => Received == 0 ? 0 : (double)ResolvedOnTime / Received;

    public static ScoreLine Of(string ward, string? official, IReadOnlyCollection<ScoreCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        // Time spent waiting for the resident is not the official's: it is left out of the time to resolve.
        var toResolve = cases.Where(c => c.ResolvedAt is not null).Select(c => c.ResolvedAt!.Value - c.CreatedAt - c.PausedFor).Order().ToList();
        var ratings = cases.Where(c => c.Rating is not null).Select(c => (double)c.Rating!.Value).ToList();
        return new ScoreLine(
            ward,
            official,
            cases.Count,
            cases.Count(c => c.AcknowledgedAt is { } at && c.AcknowledgeDueAt is { } due && at <= due),
            cases.Count(c => c.ResolvedAt is { } at && c.ResolveDueAt is { } due && at <= due),
            Median(toResolve),
            ratings.Count == 0 ? null : ratings.Average(),
            cases.Count(c => c.PausedFor > TimeSpan.Zero),
            cases.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.PausedFor));
    }

    private static TimeSpan? Median(List<TimeSpan> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };
}

/// <summary>Per ward, then per official of the ward.</summary>
internal static class ScorecardCalculator
{
    public static IReadOnlyList<ScoreLine> Lines(IReadOnlyCollection<ScoreCase> cases) =>
        [.. cases.GroupBy(c => c.Ward).OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(ward =>
            new[] { ScoreLine.Of(ward.Key, null, [.. ward]) }.Concat(
                ward.GroupBy(c => c.Official).OrderBy(g => g.Key, StringComparer.Ordinal).Select(o => ScoreLine.Of(ward.Key, o.Key, [.. o]))))];
}
