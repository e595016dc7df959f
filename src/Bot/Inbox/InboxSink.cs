using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Hosting;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Inbox;

namespace ResidentBot.Bot.Inbox;

/// <summary>
/// Records every inbound update before anything handles it, unique by (channel, update id), so a
/// redelivered update is stored once and handled once.
/// </summary>
internal sealed class InboxSink(IServiceScopeFactory scopes, InboxSignal signal, TimeProvider time) : IInboundSink
{
    public async Task<bool> AcceptAsync(InboundMessage message, string rawPayload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        if (await db.InboxEntries.AnyAsync(e => e.Channel == message.Channel && e.ExternalId == message.UpdateId, cancellationToken))
        {
            return false;
        }

        db.InboxEntries.Add(new InboxEntry
        {
            Channel = message.Channel,
            ExternalId = message.UpdateId,
            ReceivedAt = time.GetUtcNow(),
            Payload = JsonSerializer.Serialize(message, InboxPayload.Json),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await IsDuplicateAsync(message, cancellationToken))
            {
                return false;
            }

            throw;
        }

        signal.Notify();
        return true;
    }

    // Two deliveries of one update can race past the check above; the unique index decides.
    private async Task<bool> IsDuplicateAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        return await db.InboxEntries.AnyAsync(e => e.Channel == message.Channel && e.ExternalId == message.UpdateId, cancellationToken);
    }
}

internal static class InboxPayload
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static InboundMessage Read(InboxEntry entry) =>
        JsonSerializer.Deserialize<InboundMessage>(entry.Payload, Json)
        ?? throw new InvalidOperationException($"Inbox entry {entry.Id} has an empty payload.");
}
