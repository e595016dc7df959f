namespace ResidentBot.Bot.Public;

/// <summary>
/// The months the last refresh tallied, kept for the next one (<see cref="PublicSnapshotBuilder"/>), and when that refresh
/// began reading, on the wall clock the change stamps use. Only the refresh touches it, one at a time (<see cref="PublicResults"/>).
/// </summary>
internal sealed class PublicMonthCache
{
    public IReadOnlyDictionary<DateTimeOffset, MonthTally> Months { get; private set; } = new Dictionary<DateTimeOffset, MonthTally>();

    /// <summary>Null until a refresh has run: the first one reads every month.</summary>
    public DateTimeOffset? ReadFrom { get; private set; }

    public void Keep(IEnumerable<MonthTally> months, DateTimeOffset readFrom)
    {
        Months = months.ToDictionary(m => m.Start);
        ReadFrom = readFrom;
    }
}
