using ResidentBot.Routing.Results;

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
        // The definitions are the results page's too (CaseOutcome): time waiting for the resident is not the official's.
        var toResolve = cases.Select(c => CaseOutcome.TimeToResolve(c.CreatedAt, c.ResolvedAt, c.PausedFor)).OfType<TimeSpan>().Order().ToList();
        var ratings = cases.Where(c => c.Rating is not null).Select(c => (double)c.Rating!.Value).ToList();
        return new ScoreLine(
            ward,
            official,
            cases.Count,
            cases.Count(c => CaseOutcome.AcknowledgedOnTime(c.AcknowledgedAt, c.AcknowledgeDueAt)),
            cases.Count(c => CaseOutcome.ResolvedOnTime(c.ResolvedAt, c.ResolveDueAt)),
            CaseOutcome.Median(toResolve),
            ratings.Count == 0 ? null : ratings.Average(),
            cases.Count(c => c.PausedFor > TimeSpan.Zero),
            cases.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.PausedFor));
    }
}

/// <summary>Per ward, then per official of the ward.</summary>
internal static class ScorecardCalculator
{
    public static IReadOnlyList<ScoreLine> Lines(IReadOnlyCollection<ScoreCase> cases) =>
        [.. cases.GroupBy(c => c.Ward).OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(ward =>
            new[] { ScoreLine.Of(ward.Key, null, [.. ward]) }.Concat(
                ward.GroupBy(c => c.Official).OrderBy(g => g.Key, StringComparer.Ordinal).Select(o => ScoreLine.Of(ward.Key, o.Key, [.. o]))))];
}
