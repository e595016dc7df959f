using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Public;

/// <summary>Refreshes <see cref="PublicResults"/> at start and then every <see cref="PublicOptions.RefreshInterval"/>, on the host's clock.</summary>
internal sealed partial class PublicRefresher(PublicResults results, IOptions<PublicOptions> options, TimeProvider time, ILogger<PublicRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        do
        {
            try
            {
                await results.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The page keeps the last good figures; the next tick tries again.
                LogFailed(ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Public results refresh failed; the page keeps the previous figures")]
    private partial void LogFailed(Exception ex);
}
