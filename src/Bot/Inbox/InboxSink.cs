using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Hosting;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Inbox;

namespace ResidentBot.Bot.Inbox;

/// <summary>
/// Records every inbound update before anything handles it, unique by (channel, update id, fingerprint), so a
/// redelivered update is stored once and handled once, and a new update that reuses an old id is not taken for one. Concurrent updates are written together (group
/// commit, one transaction per batch), and a caller hears back only after its update is committed.
/// </summary>
internal sealed class InboxSink : BackgroundService, IInboundSink
{
    internal const int MaxBatch = 256;

    private readonly IServiceScopeFactory scopes;
    private readonly InboxSignal signal;
    private readonly IWriteGate writeGate;
    private readonly TimeProvider time;
    private readonly GroupCommit<InboxEntry, bool> commits;

    public InboxSink(IServiceScopeFactory scopes, InboxSignal signal, IWriteGate writeGate, TimeProvider time)
    {
        this.scopes = scopes;
        this.signal = signal;
        this.writeGate = writeGate;
        this.time = time;
        commits = new GroupCommit<InboxEntry, bool>(WriteAsync, MaxBatch);
    }

    public Task<bool> AcceptAsync(InboundMessage message, string rawPayload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entry = new InboxEntry
        {
            Channel = message.Channel,
            ExternalId = message.UpdateId,
            Fingerprint = InboxFingerprint.Of(message),
            ChatKey = InboxClaims.ChatKey(message.Channel, message.ChatId),
            ReceivedAt = time.GetUtcNow(),
            Payload = JsonSerializer.Serialize(message, InboxPayload.Json),
        };
        return commits.SubmitAsync(entry, cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => commits.RunAsync(stoppingToken);

    /// <summary>Inserts the batch's new updates in one transaction; true for each one stored, false for a redelivery.</summary>
    private async Task<IReadOnlyList<bool>> WriteAsync(IReadOnlyList<InboxEntry> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var known = await KnownAsync(db, batch, time.GetUtcNow() - LegacyRedeliveryWindow, cancellationToken);
            var fresh = new bool[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                // The same update twice in one batch (a fast redelivery) is stored once, like any redelivery.
                fresh[i] = known.Add((batch[i].Channel, batch[i].ExternalId, batch[i].Fingerprint));
                if (fresh[i])
                {
                    db.InboxEntries.Add(batch[i]);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (fresh.Contains(true))
            {
                signal.Notify();
            }

            return fresh;
        }
    }

    /// <summary>
    /// Entries stored before fingerprints existed have an empty one. Telegram redelivers for about a day, so within this
    /// window such an entry still counts as the same update whatever the redelivery's fingerprint; after it, as any old id.
    /// </summary>
    internal static readonly TimeSpan LegacyRedeliveryWindow = TimeSpan.FromDays(2);

    // Compiled: one look-up per batch of webhook requests (EF would otherwise re-walk and hash the expression each time).
    private static readonly PerModel<Func<ResidentBotDbContext, string, string[], IAsyncEnumerable<StoredUpdate>>> Stored = new(() =>
        EF.CompileAsyncQuery((ResidentBotDbContext db, string channel, string[] ids) => db.InboxEntries.AsNoTracking()
            .Where(e => e.Channel == channel && ids.Contains(e.ExternalId))
            .Select(e => new StoredUpdate(e.ExternalId, e.Fingerprint, e.ReceivedAt))));

    private sealed record StoredUpdate(string ExternalId, string Fingerprint, DateTimeOffset ReceivedAt);

    private static async Task<HashSet<(string, string, string)>> KnownAsync(
        ResidentBotDbContext db, IReadOnlyList<InboxEntry> batch, DateTimeOffset legacySince, CancellationToken cancellationToken)
    {
        var known = new HashSet<(string, string, string)>();
        foreach (var channel in batch.GroupBy(e => e.Channel))
        {
            var name = channel.Key;
            string[] ids = [.. channel.Select(e => e.ExternalId).Distinct()];
            var stored = await Stored.For(db)(db, name, ids).ToListAsync(cancellationToken);
            known.UnionWith(stored.Select(e => (name, e.ExternalId, e.Fingerprint)));
            var legacy = stored.Where(e => e.Fingerprint.Length == 0 && e.ReceivedAt >= legacySince).Select(e => e.ExternalId).ToHashSet();
            known.UnionWith(channel.Where(e => legacy.Contains(e.ExternalId)).Select(e => (name, e.ExternalId, e.Fingerprint)));
        }

        return known;
    }
}

internal static class InboxPayload
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static InboundMessage Read(InboxEntry entry) =>
        JsonSerializer.Deserialize<InboundMessage>(entry.Payload, Json)
        ?? throw new InvalidOperationException($"Inbox entry {entry.Id} has an empty payload.");
}
