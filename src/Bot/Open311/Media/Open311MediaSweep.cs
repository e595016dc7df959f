using Hangfire;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Chase;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Open311.Media;

/// <summary>
/// The chase sweep's step (every minute) that hands each due media fetch to its own <see cref="Open311MediaJob"/>:
/// the retries after a network failure, a fetch whose job a restart lost (Hangfire's storage is in memory on SQLite),
/// a claim a crash left to lapse. It only enqueues — a slow host never holds up the sweep — and a job finds nothing to
/// do when another run has the fetch. Read through the index on <c>MediaNextAttemptAt</c>.
/// </summary>
internal sealed class Open311MediaSweep(ResidentBotDbContext db, IBackgroundJobClient jobs, TimeProvider time) : IChaseStep
{
    private const int Batch = 100;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.Open311Requests.AsNoTracking().Where(r => r.MediaNextAttemptAt <= now).OrderBy(r => r.MediaNextAttemptAt)
            .Select(r => r.CaseId).Take(Batch).ToListAsync(cancellationToken);
        foreach (var caseId in due)
        {
            jobs.Enqueue<Open311MediaJob>(job => job.RunAsync(caseId, CancellationToken.None));
        }

        // Nothing is changed here: the jobs change the cases and say so.
        return 0;
    }
}

/// <summary>
/// At start, looks for media fetches that were pending when the host stopped, without waiting for the first sweep
/// (registered after the chase, so Hangfire's storage is ready). Should that fail, the sweep still finds them.
/// </summary>
internal sealed partial class Open311MediaResume(IBackgroundJobClient jobs, ILogger<Open311MediaResume> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            jobs.Enqueue<Open311MediaSweep>(sweep => sweep.RunAsync(CancellationToken.None));
        }
        catch (Exception ex) when (ex is BackgroundJobClientException or InvalidOperationException)
        {
            LogNotQueued(ex);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pending Open311 media fetches could not be queued at start; the chase sweep will queue them")]
    private partial void LogNotQueued(Exception ex);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
