using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.WebConsole;
using ResidentBot.Bot.WebConsole.SignIn;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Inbox;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Retention;

/// <summary>
/// Deletes handled inbox entries and sent outbox messages (but case cards) older than <see cref="RetentionOptions"/> says,
/// console sign-in links a day after they were used or expired, console sessions
/// <see cref="RetentionOptions.ConsoleSessionDays"/> after they ended, and stored photos nothing refers to
/// (<see cref="UnattachedPhotoCleanup"/>), a batch per
/// transaction so the writers' gate is never held for long (turns and delivery marks go in between). Derives all from
/// the database: running it twice, or concurrently, deletes nothing more.
/// </summary>
internal sealed partial class RetentionCleanupJob(
    IServiceScopeFactory scopes,
    IWriteGate writeGate,
    IOptions<RetentionOptions> options,
    IOptions<ConsoleOptions> console,
    UnattachedPhotoCleanup photos,
    TimeProvider time,
    ILogger<RetentionCleanupJob> logger)
{
    internal const int BatchSize = 500;

    /// <summary>How long a used or expired sign-in link is kept (its page still says "used" or "expired" meanwhile).</summary>
    internal static readonly TimeSpan SignInLinkDays = TimeSpan.FromDays(1);

    /// <summary>Returns how many inbox entries and outbox messages were deleted.</summary>
    public async Task<(int Inbox, int Outbox)> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var inboxBefore = now - TimeSpan.FromDays(options.Value.InboxDays);
        var outboxBefore = now - TimeSpan.FromDays(options.Value.OutboxDays);

        // Indexed by (Status, ReceivedAt) and (Status, NextAttemptAt); a sent message's last NextAttemptAt is no later
        // than its SentAt, so the index narrows and SentAt decides.
        var inbox = await DeleteInBatchesAsync(db => db.InboxEntries
            .Where(e => e.Status == InboxStatus.Handled && e.ReceivedAt < inboxBefore)
            .OrderBy(e => e.Id).Take(BatchSize), cancellationToken);
        // A case card's row is how the card is found and edited when its case changes, however old the case: cards stay.
        var outbox = await DeleteInBatchesAsync(db => db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Sent && m.NextAttemptAt < outboxBefore && m.SentAt < outboxBefore)
            .Where(m => m.Tag == null || !EF.Functions.Like(m.Tag, CaseTag.AnyCardPattern))
            .OrderBy(m => m.Id).Take(BatchSize), cancellationToken);
        if (inbox + outbox > 0)
        {
            LogPruned(inbox, options.Value.InboxDays, outbox, options.Value.OutboxDays);
        }

        await PruneConsoleAsync(now, cancellationToken);

        // Photos of cases stay with their cases; only those nothing refers to go.
        await photos.RunAsync(cancellationToken);

        return (inbox, outbox);
    }

    /// <summary>
    /// Sign-in links a day after use or expiry, and sessions <see cref="RetentionOptions.ConsoleSessionDays"/> after they
    /// ended: signed out or revoked (<c>RevokedAt</c>), or idle past <see cref="ConsoleOptions.SessionLifetime"/>. A session
    /// row is the record of who was signed in when and in which browser; nothing else refers to it (case events name
    /// the official, not the session), so a row past its days can go whole. The tables are small (links live minutes,
    /// sessions a few days), so no index is needed.
    /// </summary>
    internal async Task<(int Links, int Sessions)> PruneConsoleAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var linksBefore = now - SignInLinkDays;
        var links = await DeleteInBatchesAsync(db => db.ConsoleSignIns
            .Where(s => s.UsedAt < linksBefore || s.ExpiresAt < linksBefore)
            .OrderBy(s => s.Id).Take(BatchSize), cancellationToken);
        var endedBefore = now - TimeSpan.FromDays(options.Value.ConsoleSessionDays);
        // An idle session ends SessionLifetime after it was last seen (last-seen is written to the minute).
        var idleBefore = endedBefore - console.Value.SessionLifetime - ConsoleSessions.LastSeenResolution;
        var sessions = await DeleteInBatchesAsync(db => db.ConsoleSessions
            .Where(s => s.RevokedAt < endedBefore || (s.RevokedAt == null && s.LastSeenAt < idleBefore))
            .OrderBy(s => s.Id).Take(BatchSize), cancellationToken);
        if (links + sessions > 0)
        {
            LogConsolePruned(links, sessions, options.Value.ConsoleSessionDays);
        }

        return (links, sessions);
    }

    private async Task<int> DeleteInBatchesAsync<T>(Func<ResidentBotDbContext, IQueryable<T>> batch, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            int deleted;
            using (await writeGate.EnterAsync(db, cancellationToken))
            {
                deleted = await batch(db).ExecuteDeleteAsync(cancellationToken);
            }

            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Inbox} handled inbox entries older than {InboxDays} days and {Outbox} sent outbox messages older than {OutboxDays} days")]
    private partial void LogPruned(int inbox, int inboxDays, int outbox, int outboxDays);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Links} console sign-in links used or expired over a day ago and {Sessions} console sessions ended over {SessionDays} days ago")]
    private partial void LogConsolePruned(int links, int sessions, int sessionDays);
}
