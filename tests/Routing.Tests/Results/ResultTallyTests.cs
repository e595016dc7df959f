using ResidentBot.Routing.Results;

namespace ResidentBot.Routing.Tests.Results;

/// <summary>The figures the scorecard and the public page publish, on a dataset small enough to count by hand.</summary>
public sealed class ResultTallyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = T0.AddDays(30);

    // Six cases; acknowledge within 8 h, resolve within 5 days unless said otherwise.
    private static readonly CaseFacts[] Cases =
    [
        // 1: acknowledged after 2 h, resolved after 2 days: both on time; rated 5.
        new(T0, T0.AddHours(8), T0.AddHours(2), T0.AddDays(5), T0.AddDays(2), 5),
        // 2: acknowledged late (10 h), resolved late (7 days); rated 2.
        new(T0, T0.AddHours(8), T0.AddHours(10), T0.AddDays(5), T0.AddDays(7), 2),
        // 3: resolved on time after 4 days of which 1 day waiting for the resident: 3 days to resolve; reopened once, fixed again.
        new(T0, T0.AddHours(8), T0.AddHours(1), T0.AddDays(5), T0.AddDays(4), null, TimeSpan.FromDays(1), 1),
        // 4: never acknowledged, both deadlines long past: counts against both shares.
        new(T0, T0.AddHours(8), null, T0.AddDays(5), null, null),
        // 5: reported just now, nothing due yet: received, judged for nothing.
        new(Now.AddHours(-1), Now.AddHours(7), null, Now.AddDays(5), null, null),
        // 6: reopened and still open within its new deadline: reopened, no longer resolved, not judged for resolving.
        new(T0, T0.AddHours(8), T0.AddHours(3), Now.AddDays(3), null, null, default, 1),
    ];

    [Fact]
    public void On_time_shares_count_only_cases_whose_deadline_was_met_or_has_passed()
    {
        var figures = Tally().Figures();

        Assert.Equal(6, figures.Received);
        Assert.Equal(3, figures.Resolved);
        // Acknowledge judged: 1, 2, 3, 4, 6 (5 is within its 8 h); on time: 1, 3, 6.
        Assert.Equal(3.0 / 5, figures.AcknowledgedOnTimeShare);
        // Resolve judged: 1, 2, 3 (met) and 4 (past due); on time: 1, 3.
        Assert.Equal(2.0 / 4, figures.ResolvedOnTimeShare);
    }

    [Fact]
    public void The_median_time_to_resolve_leaves_out_time_waiting_for_the_resident()
    {
        // Resolved: 2 days, 7 days, 4 − 1 = 3 days → sorted 2, 3, 7: the median is 3 days.
        Assert.Equal(TimeSpan.FromDays(3), Tally().Figures().MedianToResolve);
        Assert.Equal(TimeSpan.FromDays(2.5), CaseOutcome.Median([TimeSpan.FromDays(2), TimeSpan.FromDays(3)]));
        Assert.Null(CaseOutcome.Median([]));
    }

    [Fact]
    public void Reopened_is_the_share_of_cases_resolved_at_least_once_and_the_rating_the_mean_of_rated_cases()
    {
        var figures = Tally().Figures();

        // Resolved at least once: 1, 2, 3, 6 (6 was resolved before it was reopened); reopened: 3 and 6.
        Assert.Equal(2.0 / 4, figures.ReopenedShare);
        Assert.Equal(3.5, figures.AverageRating);
        Assert.Equal(2, figures.Ratings);
    }

    [Fact]
    public void Nothing_received_gives_no_share_rather_than_zero()
    {
        var figures = new ResultTally(Now).Figures();

        Assert.Equal(0, figures.Received);
        Assert.Null(figures.AcknowledgedOnTimeShare);
        Assert.Null(figures.ResolvedOnTimeShare);
        Assert.Null(figures.MedianToResolve);
        Assert.Null(figures.AverageRating);
    }

    [Fact]
    public void Units_below_the_minimum_are_listed_unranked_and_equal_scores_share_a_place()
    {
        ResultFigures F(int received, double onTime, double ack, double? rating) => new(received, received, ack, onTime, null, null, rating, 0);
        var ranked = UnitRanking.Rank(
            [("A", F(40, 0.8, 0.9, 4.0)), ("B", F(50, 0.9, 0.5, 3.0)), ("C", F(35, 0.8, 0.9, 4.0)), ("D", F(10, 1.0, 1.0, 5.0)), ("E", F(60, 0.8, 0.95, 2.0))],
            minimumReceived: 30);

        Assert.Equal(["B", "E", "A", "C", "D"], ranked.Select(r => r.Unit));
        Assert.Equal([1, 2, 3, 3, (int?)null], ranked.Select(r => r.Place));
    }

    [Fact]
    public void Public_places_are_rounded_to_three_decimals_about_110_metres()
    {
        Assert.Equal(20.957, PlaceRounding.Round(20.95712));
        Assert.Equal(106.301, PlaceRounding.Round(106.3005));
        Assert.Equal(-33.869, PlaceRounding.Round(-33.8688));
    }

    private static ResultTally Tally()
    {
        var tally = new ResultTally(Now);
        foreach (var c in Cases)
        {
            tally.Add(c);
        }

        return tally;
    }
}
