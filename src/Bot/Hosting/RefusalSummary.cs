namespace ResidentBot.Bot.Hosting;

/// <summary>
/// For refusals a stranger can repeat at will (a webhook call with a wrong secret): the first of a run is logged in
/// full, the rest only counted, and when the interval ends one line says how many followed. A flood then costs two
/// log lines an interval instead of one per request.
/// </summary>
internal sealed class RefusalSummary(TimeProvider time, TimeSpan interval, Action<int, TimeSpan> summarise) : IDisposable
{
    private readonly Lock gate = new();
    private ITimer? window;
    private int suppressed;

    /// <summary>True for the first refusal of an interval (log it); false for the others (counted for the summary).</summary>
    public bool ShouldLog()
    {
        lock (gate)
        {
            if (window is null)
            {
                window = time.CreateTimer(_ => Close(), null, interval, Timeout.InfiniteTimeSpan);
                return true;
            }

            suppressed++;
            return false;
        }
    }

    public void Dispose() => Close();

    private void Close()
    {
        int count;
        lock (gate)
        {
            count = suppressed;
            suppressed = 0;
            window?.Dispose();
            window = null;
        }

        if (count > 0)
        {
            summarise(count, interval);
        }
    }
}
