using Hangfire;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Persistence.Sqlite;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Identities;

namespace ResidentBot.Bot.People;

/// <summary>
/// What follows a channel's "cannot reach this person now": the identity is marked unreachable, the chat's later
/// messages wait behind the refused one (in order), and an official whom no channel reaches any more counts as a missed
/// acknowledgement — their cases awaiting acknowledgement are chased at once, which escalates them with the reason.
/// A person another identity still reaches gets what waits there at once (<see cref="WaitingMessages"/>).
/// </summary>
internal sealed partial class UnreachablePeople(
    IServiceScopeFactory scopes,
    IWriteGate writeGate,
    IEnumerable<IChannelSender> senders,
    IBackgroundJobClient jobs,
    Hosting.OutboxSignal signal,
    TimeProvider time,
    ILogger<UnreachablePeople> logger)
{
    private readonly HashSet<string> enabled = [.. senders.Select(s => s.Channel)];

    /// <summary>Never throws: the message itself is already saved as waiting; what fails here is logged and retried by the chase.</summary>
    public async Task MarkAsync(OutboxMessage refused, string reason, CancellationToken cancellationToken)
    {
        try
        {
            if (await MarkCoreAsync(refused, reason, cancellationToken) > 0)
            {
                jobs.Enqueue<ChaseSweepJob>(job => job.RunAsync(CancellationToken.None));
            }

            if (await RerouteAsync(refused, cancellationToken) > 0)
            {
                signal.Notify();
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or TimeoutException or Microsoft.Data.Sqlite.SqliteException)
        {
            LogMarkFailed(ex, refused.Id);
        }
    }

    /// <summary>Returns how many cases are to be chased now.</summary>
    private async Task<int> MarkCoreAsync(OutboxMessage refused, string reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var (channel, chat) = (refused.Channel, refused.Recipient);
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow();
            var officials = await db.OfficialIdentities.Where(i => i.Channel == channel && i.ChatId == chat).ToListAsync(cancellationToken);
            var residents = await db.ResidentIdentities
                .Where(i => i.Channel == channel && (i.ChatId == chat || (i.ChatId == null && i.ExternalId == chat))).ToListAsync(cancellationToken);
            foreach (var identity in officials.Cast<IChannelIdentity>().Concat(residents))
            {
                Reachability.Lost(identity, now, reason);
            }

            await db.OutboxMessages.Where(m => m.Channel == channel && m.Recipient == chat && m.Status == OutboxStatus.Pending && m.Id > refused.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Waiting), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            var chased = 0;
            foreach (var officialId in officials.Select(i => i.OfficialId).Distinct())
            {
                var all = await db.OfficialIdentities.AsNoTracking().Where(i => i.OfficialId == officialId).ToListAsync(cancellationToken);
                if (Reachability.UnreachableSince(all, enabled.Contains) is null)
                {
                    continue;
                }

                // A missed acknowledgement: the chase looks at these cases now (NextChase.LookNow, in bulk) and escalates them.
                var awaiting = CaseStatuses.AwaitingAcknowledgement.ToList();
                var cases = await db.Cases.Where(c => c.AccountableOfficialId == officialId && awaiting.Contains(c.Status)
                        && (c.NextChaseAt == null || c.NextChaseAt > now))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextChaseAt, now), cancellationToken);
                LogOfficialUnreachable(officialId, cases);
                chased += cases;
            }

            await transaction.CommitAsync(cancellationToken);
            return chased;
        }
    }

    /// <summary>When the refused message's person has another identity that may reach them, what waits goes there now.</summary>
    private async Task<int> RerouteAsync(OutboxMessage refused, CancellationToken cancellationToken)
    {
        if (refused.OfficialId is null && refused.ResidentId is null)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ResidentBotDbContext>();
        Outbox.Addressee? to = null;
        var language = Resources.Texts.Vietnamese;
        if (refused.OfficialId is { } officialId
            && await services.GetRequiredService<Notifications.OfficialChats>().FindAsync(officialId, cancellationToken) is { Reachable: true } chat)
        {
            (to, language) = (chat.To, chat.Language);
        }
        else if (refused.ResidentId is { } residentId
            && await db.Residents.Include(r => r.Identities).FirstOrDefaultAsync(r => r.Id == residentId, cancellationToken) is { } resident
            && Reachability.Choose(resident.Identities, enabled.Contains) is ({ } identity, true))
        {
            to = new Outbox.Addressee(identity.Channel, ((IChannelIdentity)identity).Recipient, Reachable: true, ResidentId: residentId);
            language = resident.Language;
        }

        if (to is null || (to.Channel, to.Recipient) == (refused.Channel, refused.Recipient))
        {
            return 0;
        }

        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            var moved = await services.GetRequiredService<WaitingMessages>().MoveAsync(to, language, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            LogRerouted(to.Channel, moved);
            return moved;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} waiting updates moved to {Channel}, which still reaches the person")]
    private partial void LogRerouted(string channel, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No channel reaches official {OfficialId} now; {Cases} cases awaiting acknowledgement are escalated at once")]
    private partial void LogOfficialUnreachable(int officialId, int cases);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record that outbox message {Id}'s recipient is unreachable; the message waits all the same")]
    private partial void LogMarkFailed(Exception ex, long id);
}
