using Hangfire;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Retention;

namespace ResidentBot.Bot.Chase.Jobs;

/// <summary>
/// Every recurring job, registered in this one place at each start: Hangfire's storage is in memory, so a
/// restart registers them again and loses nothing (what is due is read from our database).
/// </summary>
internal sealed class ChaseRecurringJobs(IRecurringJobManager jobs, IOptions<ChaseOptions> options, IOptions<RetentionOptions> retention) : IHostedService
{
    public const string Sweep = "chase-sweep";
    public const string DailyDigest = "chase-daily-digest";
    public const string WeeklyScorecard = "chase-weekly-scorecard";
    public const string RetentionCleanup = "retention-cleanup";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var chase = options.Value;
        var local = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(chase.TimeZone) };
        jobs.AddOrUpdate<ChaseSweepJob>(Sweep, job => job.RunAsync(CancellationToken.None), chase.SweepCron, new RecurringJobOptions());
        jobs.AddOrUpdate<EscalationDigestJob>(DailyDigest, job => job.RunAsync(CancellationToken.None), chase.DailyDigestCron, local);
        jobs.AddOrUpdate<WeeklyScorecardJob>(WeeklyScorecard, job => job.RunAsync(CancellationToken.None), chase.WeeklyScorecardCron, local);
        jobs.AddOrUpdate<RetentionCleanupJob>(RetentionCleanup, job => job.RunAsync(CancellationToken.None), retention.Value.CleanupCron, local);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
