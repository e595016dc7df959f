using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Chase.Schedule;
using ResidentBot.Bot.Notifications;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Chase;

namespace ResidentBot.Bot.Chase;

/// <summary>
/// Does what is due on a group of cases in one short transaction: reminders, escalation, progress request,
/// auto-close, and the resident's reminder and close while a case waits for them; then moves each
/// <see cref="Case.NextChaseAt"/> on. Everything is derived from the case rows read inside the transaction (taken for it: <see cref="ChaseClaims"/>), and every
/// message has a dedup key, so a run twice, concurrently or after a crash sends each message once.
/// </summary>
internal sealed partial class CaseChaser(
    ResidentBotDbContext db,
    OfficialNotifier officials,
    ChaseRules rules,
    ResidentNotifier residents,
    CaseCards cards,
    Conversations.Buttons.ButtonCodec buttons,
    ChannelCatalog channels,
    People.OfficialReach reach,
    IWriteGate writeGate,
    TimeProvider time,
    ILogger<CaseChaser> logger)
{
    /// <summary>Chases one case; returns false when another sweep had already done it.</summary>
    public async Task<bool> ChaseAsync(long caseId, CancellationToken cancellationToken)
    {
        try
        {
            return await ChaseGroupAsync([caseId], cancellationToken) == 1;
        }
        catch (DbUpdateException ex)
        {
            if (await IsStillDueAsync(caseId, cancellationToken))
            {
                throw;
            }

            // A concurrent sweep on a database without a write lock at BEGIN got there first (unique dedup key or
            // the case's version changed) and moved the case on: what it sent is what we would have sent. A case
            // that is still due failed for another reason; the exception reaches the caller, which postpones it.
            LogAlreadyDone(ex, caseId);
            return false;
        }
    }

    private async Task<bool> IsStillDueAsync(long caseId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        return await db.Cases.AsNoTracking().AnyAsync(c => c.Id == caseId && c.NextChaseAt <= now, cancellationToken);
    }

    /// <summary>
    /// Chases the cases that are still due, all or nothing: any failure rolls the whole group back and throws, and
    /// the caller retries the group one case per transaction. Returns how many cases were chased.
    /// </summary>
    public async Task<int> ChaseGroupAsync(IReadOnlyCollection<long> caseIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var view = await rules.GetAsync(cancellationToken);
        using var writing = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cases = await ChaseClaims.TakeAsync(db, caseIds, cancellationToken);
        var due = cases.Where(c => c.NextChaseAt is { } at && at <= now).OrderBy(c => c.Id).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var ledger = await ChaseLedger.LoadAsync(db, [.. due.Select(c => c.Id)], cancellationToken);
        var unreachable = await reach.UnreachableSinceAsync([.. due.Select(c => c.AccountableOfficialId).OfType<int>()], cancellationToken);
        await officials.PrefetchAsync([.. due.Select(c => c.AccountableOfficialId).OfType<int>()], cancellationToken);
        await residents.PrefetchAsync([.. due.Where(c => NotifiesResident(c, view, Since(unreachable, c), now)).Select(c => c.ResidentId).Distinct()], cancellationToken);
        foreach (var @case in due)
        {
            await ChaseLoadedAsync(@case, view, ledger, Since(unreachable, @case), now, cancellationToken);
        }

        // One savepoint-free save per group: the group is already all-or-nothing inside its transaction.
        db.Database.AutoSavepointsEnabled = false;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    private static DateTimeOffset? Since(IReadOnlyDictionary<int, DateTimeOffset> unreachable, Case @case) =>
        @case.AccountableOfficialId is { } id && unreachable.TryGetValue(id, out var since) ? since : null;

    private async Task ChaseLoadedAsync(
        Case @case, ChaseView view, ChaseLedger ledger, DateTimeOffset? unreachableSince, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stuck = false;
        var schedule = view.For(@case);
        if (@case.Status == CaseStatus.Resolved)
        {
            await AutoCloseAsync(@case, schedule, now, cancellationToken);
        }
        else if (@case.Status == CaseStatus.WaitingForResident)
        {
            await ChaseWaitingAsync(@case, view, schedule, ledger, now, cancellationToken);
        }
        else if (@case.Status.IsOpen())
        {
            await RemindAsync(@case, view, schedule, ledger, now, cancellationToken);
            stuck = !await EscalateAsync(@case, view, schedule, unreachableSince, now, cancellationToken);
            await RequestProgressAsync(@case, schedule, ledger, now, cancellationToken);
        }

        NextChase.AfterChase(@case, schedule, stuck, now);
    }

    // Escalation and auto-close tell the resident; only those cases' recipients are worth reading up front.
    private static bool NotifiesResident(Case @case, ChaseView view, DateTimeOffset? unreachableSince, DateTimeOffset now)
    {
        var chase = view.For(@case);
        if (@case.Status == CaseStatus.WaitingForResident)
        {
            return chase.Policy.Waiting.ReminderAt(@case) <= now || chase.Policy.Waiting.CloseAt(@case) <= now;
        }

        var at = @case.Status == CaseStatus.Resolved
            ? ChaseSchedule.AutoCloseAt(@case, chase.Policy)
            : ChaseSchedule.EscalationDueAt(@case, chase.Clock, chase.Policy, unreachableSince);
        return at <= now;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} was chased concurrently; keeping the other run's work")]
    private partial void LogAlreadyDone(Exception ex, long caseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {TrackingCode} is overdue but nobody is above official {OfficialId} in the escalation chain")]
    private partial void LogNoChain(string trackingCode, int officialId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {TrackingCode} escalated to level {Level}, official {SupervisorId}")]
    private partial void LogEscalated(string trackingCode, int level, int supervisorId);
}
