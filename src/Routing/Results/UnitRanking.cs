namespace ResidentBot.Routing.Results;

/// <summary>A unit's place in the ranking; <see cref="Place"/> is null for a unit with too few judged cases to rank.</summary>
public sealed record RankedUnit<TUnit>(TUnit Unit, ResultFigures Figures, int? Place);

/// <summary>
/// Ranks units as Hồ Chí Minh City ranks its wards: by the share of cases resolved on time. A unit is ranked only with
/// at least <c>minimumReceived</c> reports in the period (fewer make a share of luck); ties go to the higher share
/// acknowledged on time, then the higher average rating; units still equal share a place (1, 2, 2, 4).
/// </summary>
public static class UnitRanking
{
    public static IReadOnlyList<RankedUnit<TUnit>> Rank<TUnit>(IEnumerable<(TUnit Unit, ResultFigures Figures)> units, int minimumReceived)
    {
        ArgumentNullException.ThrowIfNull(units);
        var all = units.ToList();
        var eligible = all.Where(u => u.Figures.Received >= minimumReceived && u.Figures.ResolvedOnTimeShare is not null)
            .OrderByDescending(u => u.Figures.ResolvedOnTimeShare)
            .ThenByDescending(u => u.Figures.AcknowledgedOnTimeShare ?? -1)
            .ThenByDescending(u => u.Figures.AverageRating ?? -1)
            .ToList();
        var ranked = new List<RankedUnit<TUnit>>(all.Count);
        for (var i = 0; i < eligible.Count; i++)
        {
            var place = i > 0 && SameScore(eligible[i].Figures, eligible[i - 1].Figures) ? ranked[i - 1].Place : i + 1;
            ranked.Add(new RankedUnit<TUnit>(eligible[i].Unit, eligible[i].Figures, place));
        }

        ranked.AddRange(all.Except(eligible).OrderByDescending(u => u.Figures.Received).Select(u => new RankedUnit<TUnit>(u.Unit, u.Figures, null)));
        return ranked;
    }

    private static bool SameScore(ResultFigures a, ResultFigures b) =>
        a.ResolvedOnTimeShare == b.ResolvedOnTimeShare && a.AcknowledgedOnTimeShare == b.AcknowledgedOnTimeShare && a.AverageRating == b.AverageRating;
}
