using System.Net;
using ResidentBot.Bot.Hosting;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>
/// Webhook calls with a wrong or missing signature: anyone who knows the URL can send them, so the first of each
/// minute is logged and the rest are counted in one line at the minute's end.
/// </summary>
internal sealed partial class ZaloWebhookRefusals : IDisposable
{
    private readonly ILogger<ZaloWebhookRefusals> logger;
    private readonly RefusalSummary summary;

    public ZaloWebhookRefusals(TimeProvider time, ILogger<ZaloWebhookRefusals> logger)
    {
        this.logger = logger;
        summary = new RefusalSummary(time, TimeSpan.FromMinutes(1), (count, interval) => LogMore(count, interval));
    }

    public void Refused(IPAddress? remote)
    {
        if (summary.ShouldLog())
        {
            LogRefused(remote?.ToString() ?? "an unknown address");
        }
    }

    public void Dispose() => summary.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo webhook call from {RemoteIp} with a wrong or missing signature; refused (further ones are counted for a minute)")]
    private partial void LogRefused(string remoteIp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Count} more Zalo webhook calls with a wrong or missing signature in the last {Interval}")]
    private partial void LogMore(int count, TimeSpan interval);
}
