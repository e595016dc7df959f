namespace ResidentBot.Routing.Open311;

/// <summary>
/// The span of dates a client may ask for at once: GeoReport v2 caps <c>start_date</c>–<c>end_date</c> at 90 days and,
/// when neither is given, answers the last 90 days.
/// </summary>
public static class RequestWindow
{
    public static TimeSpan MaxSpan { get; } = TimeSpan.FromDays(90);

    /// <summary>The window to read, or null with the reason when the dates make no window.</summary>
    public static (DateTimeOffset From, DateTimeOffset To)? Resolve(DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset now, out WindowProblem problem)
    {
        problem = WindowProblem.None;
        var (from, to) = (start, end) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, s + MaxSpan < now ? s + MaxSpan : now),
            (null, { } e) => (e - MaxSpan, e),
            _ => (now - MaxSpan, now),
        };
        if (to < from)
        {
            problem = WindowProblem.EndBeforeStart;
            return null;
        }

        if (to - from > MaxSpan)
        {
            problem = WindowProblem.TooLong;
            return null;
        }

        return (from, to);
    }
}

public enum WindowProblem
{
    None,
    EndBeforeStart,
    TooLong,
}
