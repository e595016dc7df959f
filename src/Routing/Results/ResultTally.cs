using System.Runtime.CompilerServices;

namespace ResidentBot.Routing.Results;

/// <summary>The figures of one unit (a ward, a post, a month) over the cases it received.</summary>
public sealed record ResultFigures(
    int Received, int Resolved, double? AcknowledgedOnTimeShare, double? ResolvedOnTimeShare, TimeSpan? MedianToResolve,
    double? ReopenedShare, double? AverageRating, int Ratings)
{
    public static ResultFigures Empty { get; } = new(0, 0, null, null, null, null, null, 0);
}

/// <summary>
/// Adds cases up into <see cref="ResultFigures"/> in one pass, by the rules of <see cref="CaseOutcome"/>. Shares are of the
/// cases that can be judged: on-time shares over cases whose deadline was met or has passed at <c>now</c>, the reopened
/// share over cases resolved at least once, the rating over rated cases.
/// Tallies add up (<see cref="Add(ResultTally)"/>): the counts are sums and the median keeps every value (exact, at the
/// tick), so a unit's year is the sum of its months. A tally stays right after <c>now</c> until <see cref="ValidUntil"/>,
/// the first instant an unmet deadline of its cases passes and the case becomes judged; until then only a change to one
/// of its cases can alter it.
/// </summary>
public sealed class ResultTally(DateTimeOffset now)
{
    private readonly List<TimeSpan> toResolve = [];
    private int received;
    private int acknowledgeJudged;
    private int acknowledgedOnTime;
    private int resolveJudged;
    private int resolvedOnTime;
    private int everResolved;
    private int reopened;
    private int ratings;
    private long ratingSum;

    public int Received => received;

    public DateTimeOffset ValidUntil { get; private set; } = DateTimeOffset.MaxValue;

    // A million calls in a results refresh that runs once: optimised at the first call rather than after tiering's delay.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(in CaseFacts c)
    {
        received++;
        Flips(c.AcknowledgedAt, c.AcknowledgeDueAt);
        Flips(c.ResolvedAt, c.ResolveDueAt);
        if (CaseOutcome.Judged(c.AcknowledgedAt, c.AcknowledgeDueAt, now))
        {
            acknowledgeJudged++;
            acknowledgedOnTime += CaseOutcome.AcknowledgedOnTime(c.AcknowledgedAt, c.AcknowledgeDueAt) ? 1 : 0;
        }

        if (CaseOutcome.Judged(c.ResolvedAt, c.ResolveDueAt, now))
        {
            resolveJudged++;
            resolvedOnTime += CaseOutcome.ResolvedOnTime(c.ResolvedAt, c.ResolveDueAt) ? 1 : 0;
        }

        if (CaseOutcome.TimeToResolve(c.CreatedAt, c.ResolvedAt, c.PausedFor) is { } took)
        {
            toResolve.Add(took);
        }

        if (CaseOutcome.EverResolved(c.ResolvedAt, c.ReopenCount))
        {
            everResolved++;
            reopened += c.ReopenCount > 0 ? 1 : 0;
        }

        if (c.Rating is { } rating)
        {
            ratings++;
            ratingSum += rating;
        }
    }

    /// <summary>Adds another tally's cases to this one (e.g. a month to the year).</summary>
    public void Add(ResultTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        received += other.received;
        acknowledgeJudged += other.acknowledgeJudged;
        acknowledgedOnTime += other.acknowledgedOnTime;
        resolveJudged += other.resolveJudged;
        resolvedOnTime += other.resolvedOnTime;
        everResolved += other.everResolved;
        reopened += other.reopened;
        ratings += other.ratings;
        ratingSum += other.ratingSum;
        toResolve.AddRange(other.toResolve);
        ValidUntil = other.ValidUntil < ValidUntil ? other.ValidUntil : ValidUntil;
    }

    /// <summary>Marks the tally as stale from <paramref name="at"/> on (e.g. a figure of one of its cases that moves with the clock).</summary>
    public void StaleFrom(DateTimeOffset at) => ValidUntil = at < ValidUntil ? at : ValidUntil;

    public ResultFigures Figures()
    {
        toResolve.Sort();
        return new ResultFigures(
            received,
            toResolve.Count,
            Share(acknowledgedOnTime, acknowledgeJudged),
            Share(resolvedOnTime, resolveJudged),
            CaseOutcome.Median(toResolve),
            Share(reopened, everResolved),
            ratings == 0 ? null : (double)ratingSum / ratings,
            ratings);
    }

    private void Flips(DateTimeOffset? metAt, DateTimeOffset? dueAt)
    {
        if (metAt is null && dueAt is { } due && due > now)
        {
            StaleFrom(due);
        }
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
