using System.Net;
using Microsoft.Extensions.Logging;
using ResidentBot.Bot.Hosting;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>
/// Webhook calls with a wrong or missing secret: anyone who knows the URL can send them, so the first of each minute
/// is logged and the rest are counted in one line at the minute's end.
/// </summary>
internal sealed partial class ZaloBotWebhookRefusals : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly ILogger<ZaloBotWebhookRefusals> logger;
    private readonly RefusalSummary summary;

    public ZaloBotWebhookRefusals(TimeProvider time, ILogger<ZaloBotWebhookRefusals> logger)
    {
        this.logger = logger;
        summary = new RefusalSummary(time, Interval, (count, interval) => LogMore(count, interval));
    }

    public void Refused(IPAddress? remote)
    {
        if (summary.ShouldLog())
        {
            LogRefused(remote?.ToString() ?? "an unknown address");
        }
    }

    public void Dispose() => summary.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo bot webhook call from {RemoteIp} with a wrong or missing secret; refused (further ones are counted for a minute)")]
    private partial void LogRefused(string remoteIp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Count} more Zalo bot webhook calls with a wrong or missing secret in the last {Interval}")]
    private partial void LogMore(int count, TimeSpan interval);
}
