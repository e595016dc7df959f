using System.Diagnostics;
using ResidentBot.Bot.Resources;

namespace ResidentBot.Bot.Public;

/// <summary>
/// The last computed page, swapped whole when a refresh ends: requests read it without waiting or touching the database,
/// and one refresh runs at a time.
/// </summary>
internal sealed partial class PublicResults(IServiceScopeFactory scopes, ILogger<PublicResults> logger)
{
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private volatile PublicSnapshot current = PublicSnapshot.NotYet;

    public PublicSnapshot Current => current;

    /// <summary>Raised after each refresh, so a test can wait for one instead of sleeping.</summary>
    public event Action<PublicSnapshot>? Refreshed;

    public async Task<PublicSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            var allocated = GC.GetTotalAllocatedBytes();
            await using var scope = scopes.CreateAsyncScope();
            var builder = scope.ServiceProvider.GetRequiredService<PublicSnapshotBuilder>();
            var built = await builder.BuildAsync(cancellationToken);
            var (map, frame) = BoundaryMap.Draw(built.Map, Texts.Get(Texts.Vietnamese, "Public.Map.Title"));
            var images = new PublicImages(TrendChart.Svg(built.Months, Texts.Vietnamese), TrendChart.Svg(built.Months, Texts.English), map, frame);
            var snapshot = built with { RefreshTook = clock.Elapsed, Images = images };
            current = snapshot;
            LogRefreshed(clock.Elapsed.TotalMilliseconds, builder.Pace.Reading.TotalMilliseconds, builder.Pace.Resting.TotalMilliseconds,
                snapshot.Overall.Received, builder.MonthsRead, snapshot.Recent.Count, (GC.GetTotalAllocatedBytes() - allocated) / 1_048_576.0);
            Refreshed?.Invoke(snapshot);
            return snapshot;
        }
        finally
        {
            refreshing.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Public results refreshed in {ElapsedMs:0} ms ({ReadingMs:0} ms reading cases, {RestingMs:0} ms resting for Public:RefreshCpuShare): {Cases} cases in 12 months ({MonthsRead} months read, the others kept), {Published} published shown; allocated {AllocatedMb:0.0} MB")]
    private partial void LogRefreshed(double elapsedMs, double readingMs, double restingMs, int cases, int monthsRead, int published, double allocatedMb);
}
