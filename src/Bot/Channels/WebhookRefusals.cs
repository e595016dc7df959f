using System.Net;
using ResidentBot.Bot.Hosting;

namespace ResidentBot.Bot.Channels;

/// <summary>
/// Webhook calls with a wrong or missing secret or signature: anyone who knows the URL can send them, so the first of
/// each minute is logged and the rest are counted in one line at the minute's end. One per channel webhook, each
/// logging under its own category.
/// </summary>
internal abstract partial class WebhookRefusals : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly string webhook;
    private readonly ILogger logger;
    private readonly RefusalSummary summary;

    protected WebhookRefusals(string webhook, TimeProvider time, ILogger logger)
    {
        this.webhook = webhook;
        this.logger = logger;
        summary = new RefusalSummary(time, Interval, (count, interval) => LogMore(count, this.webhook, interval));
    }

    public void Refused(IPAddress? remote)
    {
        if (summary.ShouldLog())
        {
            LogRefused(webhook, remote?.ToString() ?? "an unknown address");
        }
    }

    public void Dispose()
    {
        summary.Dispose();
        GC.SuppressFinalize(this);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Webhook} webhook call from {RemoteIp} with a wrong or missing secret or signature; refused (further ones are counted for a minute)")]
    private partial void LogRefused(string webhook, string remoteIp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Count} more {Webhook} webhook calls with a wrong or missing secret or signature in the last {Interval}")]
    private partial void LogMore(int count, string webhook, TimeSpan interval);
}
