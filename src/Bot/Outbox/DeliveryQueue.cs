using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Outbox;

/// <summary>
/// What the sender may deliver next. A chat's messages go in the order they were queued: a message whose chat has an
/// older one still waiting (retry_after, backoff) is not due, whatever its own time.
/// </summary>
internal sealed class DeliveryQueue(IServiceScopeFactory scopes, IWriteGate writeGate, TimeProvider time)
{
    internal const int BatchSize = 500;

    // These run after every commit that queued a message (a profile put this look-up at a seventh of the host's CPU
    // under load), so they are compiled: EF no longer walks and hashes the expression tree on every call.
    private static readonly PerModel<Func<ResidentBotDbContext, DateTimeOffset, string[], IAsyncEnumerable<WaitingHead>>> WaitingHeads = new(() =>
        EF.CompileAsyncQuery((ResidentBotDbContext db, DateTimeOffset now, string[] names) => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt > now && names.Contains(m.Channel))
            .GroupBy(m => new { m.Channel, m.Recipient })
            .Select(g => new WaitingHead(g.Key.Channel, g.Key.Recipient, g.Min(m => m.Id)))));

    private static readonly PerModel<Func<ResidentBotDbContext, DateTimeOffset, string[], string[], int, IAsyncEnumerable<OutboxMessage>>> DueRows = new(() =>
        EF.CompileAsyncQuery((ResidentBotDbContext db, DateTimeOffset now, string[] names, string[] excluded, int limit) => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && names.Contains(m.Channel)
                        && !excluded.Contains(m.Recipient))
            .OrderBy(m => m.Id)
            .Take(limit)));

    private sealed record WaitingHead(string Channel, string Recipient, long Id);

    /// <summary>
    /// How long "no message waits for a retry" is believed without looking: a message waits only after a send failed,
    /// and this host's sender says so (<see cref="RetryScheduled"/>), so the look-up is repeated at once after a retry
    /// of its own and at this interval for another host's (the one that held a channel before this one).
    /// </summary>
    internal static readonly TimeSpan WaitingRecheck = TimeSpan.FromSeconds(1);

    private long retriesScheduled;

    // Read and written by the loop only (one load at a time); the retries count is what deliveries change meanwhile.
    private (long Retries, string Channels, DateTimeOffset At)? noneWaiting;

    /// <summary>A message was given a later attempt: its chat's other messages must wait behind it from the next load.</summary>
    public void RetryScheduled() => Interlocked.Increment(ref retriesScheduled);

    /// <summary>
    /// The oldest due messages of <paramref name="channels"/> (at most <paramref name="limit"/>), leaving out chats in
    /// <paramref name="busy"/> (being delivered to: what they still have is read again once their marks are saved, so
    /// no message is taken twice) and chats whose oldest message is waiting.
    /// </summary>
    public async Task<List<OutboxMessage>> LoadDueAsync(
        IReadOnlyCollection<string> channels, IReadOnlySet<(string Channel, string Recipient)> busy, int limit, CancellationToken cancellationToken)
    {
        if (channels.Count == 0)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var now = time.GetUtcNow();
        string[] names = [.. channels];

        // Few rows wait at a time (retries of healthy channels; a channel that is down is not read here), and the
        // (Status, NextAttemptAt) index finds them.
        var waitingFrom = new Dictionary<(string Channel, string Recipient), long>();
        var retries = Volatile.Read(ref retriesScheduled);
        var channelSet = string.Join('\n', names.Order(StringComparer.Ordinal));
        if (noneWaiting is not { } known || known.Retries != retries || known.Channels != channelSet || now - known.At >= WaitingRecheck)
        {
            await foreach (var w in WaitingHeads.For(db)(db, now, names).WithCancellation(cancellationToken))
            {
                waitingFrom[(w.Channel, w.Recipient)] = w.Id;
            }

            noneWaiting = waitingFrom.Count == 0 ? (retries, channelSet, now) : null;
        }

        string[] excluded = [.. busy.Select(c => c.Recipient).Concat(waitingFrom.Keys.Select(c => c.Recipient)).Distinct()];
        var due = await DueRows.For(db)(db, now, names, excluded, limit).ToListAsync(cancellationToken);

        return [.. due.Where(m => !busy.Contains((m.Channel, m.Recipient))
                                  && !(waitingFrom.TryGetValue((m.Channel, m.Recipient), out var from) && from < m.Id))];
    }

    /// <summary>
    /// The message to try while <paramref name="channel"/> is down: the first waiting message of a chat (never one
    /// behind it), the one due soonest, so a message that keeps failing does not hold the probe.
    /// </summary>
    public async Task<OutboxMessage?> FindProbeAsync(string channel, IReadOnlySet<(string Channel, string Recipient)> busy, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        string[] excluded = [.. busy.Where(c => c.Channel == channel).Select(c => c.Recipient)];
        var heads = db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.Channel == channel)
            .GroupBy(m => m.Recipient)
            .Select(g => g.Min(m => m.Id));
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => heads.Contains(m.Id) && !excluded.Contains(m.Recipient))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// At start, makes every waiting message of <paramref name="channels"/> due: their backoffs were measured against
    /// an outage this process knows nothing of, and the channel decides again (one that is still down is probed).
    /// </summary>
    public async Task<int> ReleaseAllAsync(IReadOnlyCollection<string> channels, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var now = time.GetUtcNow();
        string[] names = [.. channels];
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            return await db.OutboxMessages
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt > now && names.Contains(m.Channel))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now), cancellationToken);
        }
    }

    /// <summary>Makes the given waiting messages due now (their channel answers again).</summary>
    public async Task<int> ReleaseAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var released = 0;
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            var now = time.GetUtcNow();
            using (await writeGate.EnterAsync(db, cancellationToken))
            {
                released += await db.OutboxMessages
                    .Where(m => chunk.Contains(m.Id) && m.Status == OutboxStatus.Pending && m.NextAttemptAt > now)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now), cancellationToken);
            }
        }

        return released;
    }
}
