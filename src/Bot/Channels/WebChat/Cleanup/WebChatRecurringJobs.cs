using Hangfire;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.WebChat.Cleanup;

/// <summary>Registers the web chat's cleanup as a Hangfire recurring job at each start (like the chase's jobs).</summary>
internal sealed class WebChatRecurringJobs(IRecurringJobManager jobs, IOptions<WebChatOptions> options) : IHostedService
{
    public const string Cleanup = "webchat-cleanup";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<WebChatCleanupJob>(Cleanup, job => job.RunAsync(CancellationToken.None), options.Value.CleanupCron, new RecurringJobOptions());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
