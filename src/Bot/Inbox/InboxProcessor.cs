using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Hosting;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Inbox;

namespace ResidentBot.Bot.Inbox;

/// <summary>
/// Handles recorded updates in arrival order. The handler's changes, the replies it queued and the
/// entry's "handled" mark are saved together, so an update is handled exactly once even if the host dies
/// half-way: an entry that was not marked is simply handled again after restart.
/// </summary>
internal sealed partial class InboxProcessor(
    IServiceScopeFactory scopes,
    InboxSignal inboxSignal,
    OutboxSignal outboxSignal,
    TimeProvider time,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    internal const int MaxAttempts = 5;

    // Answers to button presses (a network round trip each) overlap with the next turns instead of holding up
    // the loop; at most this many are in flight.
    private readonly SemaphoreSlim answers = new(16);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await HandlePendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLoopFailed(ex);
            }

            if (handled == 0)
            {
                await inboxSignal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Handles every pending entry once; returns how many were processed.</summary>
    internal async Task<int> HandlePendingAsync(CancellationToken cancellationToken)
    {
        List<long> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            ids = await db.InboxEntries.Where(e => e.Status == InboxStatus.Pending)
                .OrderBy(e => e.Id).Select(e => e.Id).Take(500).ToListAsync(cancellationToken);
        }

        foreach (var id in ids)
        {
            await HandleOneAsync(id, cancellationToken);
        }

        return ids.Count;
    }

    private async Task HandleOneAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var entry = await db.InboxEntries.SingleAsync(e => e.Id == id, cancellationToken);
        if (entry.Status != InboxStatus.Pending)
        {
            return;
        }

        var dispatcher = scope.ServiceProvider.GetRequiredService<TurnDispatcher>();
        try
        {
            // One transaction per turn: what the handler changed, the replies it queued and the "handled"
            // mark commit together (and a case's tracking code is allocated inside it).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var message = InboxPayload.Read(entry);
            var after = await dispatcher.DispatchAsync(message, cancellationToken);
            entry.Status = InboxStatus.Handled;
            entry.HandledAt = time.GetUtcNow();
            entry.Attempts++;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            outboxSignal.Notify();
            await answers.WaitAsync(cancellationToken);
            _ = RunAfterAsync(after, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogHandlingFailed(ex, entry.Id, entry.Channel, entry.ExternalId);
            await RecordFailureAsync(id, ex, cancellationToken);
        }
    }

    // Best effort, as before: the turn is saved; a lost answer only leaves the button's spinner until Telegram drops it.
    private async Task RunAfterAsync(Func<CancellationToken, Task> after, CancellationToken cancellationToken)
    {
        try
        {
            await after(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAfterFailed(ex);
        }
        finally
        {
            answers.Release();
        }
    }

    // The failed attempt's changes are discarded: only the attempt count and error are kept.
    private async Task RecordFailureAsync(long id, Exception error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var entry = await db.InboxEntries.SingleAsync(e => e.Id == id, cancellationToken);
        entry.Attempts++;
        entry.LastError = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
        if (entry.Attempts >= MaxAttempts)
        {
            entry.Status = InboxStatus.Failed;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox loop failed; retrying")]
    private partial void LogLoopFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering a button press after its turn failed")]
    private partial void LogAfterFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling inbox entry {Id} ({Channel} update {UpdateId}) failed")]
    private partial void LogHandlingFailed(Exception ex, long id, string channel, string updateId);
}
