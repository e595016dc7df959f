using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Chase.Schedule;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Chase;

/// <summary>
/// Does what is due on one case in one short transaction: reminders, escalation, progress request, auto-close;
/// then moves <see cref="Case.NextChaseAt"/> on. Everything is derived from the case row read inside the
/// transaction (SQLite takes the write lock at BEGIN, so concurrent sweeps queue here), and every message has a
/// dedup key, so a run twice, concurrently or after a crash sends each message once.
/// </summary>
internal sealed partial class CaseChaser(
    ResidentBotDbContext db,
    ChaseMessenger messenger,
    ChaseRules rules,
    Residents.IResidentInbox residents,
    Conversations.Buttons.ButtonCodec buttons,
    TimeProvider time,
    ILogger<CaseChaser> logger)
{
    /// <summary>How long a case whose chase cannot proceed (no one above, an error) waits before the next look.</summary>
    internal static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(30);

    /// <summary>Chases one case; returns false when another sweep had already done it.</summary>
    public async Task<bool> ChaseAsync(long caseId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var view = await rules.GetAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case?.NextChaseAt is not { } due || due > now)
        {
            return false;
        }

        var stuck = false;
        if (@case.Status == CaseStatus.Resolved)
        {
            await AutoCloseAsync(@case, view, now, cancellationToken);
        }
        else if (@case.Status.IsOpen())
        {
            await RemindAsync(@case, view, now, cancellationToken);
            stuck = !await EscalateAsync(@case, view, now, cancellationToken);
            await RequestProgressAsync(@case, view, now, cancellationToken);
        }

        var next = view.Next(@case, now);
        @case.NextChaseAt = stuck || next <= now ? now + RetryAfter : next;

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex)
        {
            // A concurrent sweep on a database without a write lock at BEGIN got there first (unique dedup key or
            // the case's version changed): what it sent is what we would have sent.
            LogAlreadyDone(ex, caseId);
            return false;
        }
    }

    private Task<bool> AlreadyRecordedAsync(long caseId, CaseEventKind kind, string key, CancellationToken cancellationToken) =>
        db.CaseEvents.AnyAsync(e => e.CaseId == caseId && e.Kind == kind && e.Note == key, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} was chased concurrently; keeping the other run's work")]
    private partial void LogAlreadyDone(Exception ex, long caseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {TrackingCode} is overdue but nobody is above official {OfficialId} in the escalation chain")]
    private partial void LogNoChain(string trackingCode, int officialId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {TrackingCode} escalated to level {Level}, official {SupervisorId}")]
    private partial void LogEscalated(string trackingCode, int level, int supervisorId);
}
