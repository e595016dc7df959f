using System.Text.Json;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Choices;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Outbox;

/// <summary>
/// Adds messages to the outbox in the caller's unit of work: they are saved with the caller's other changes
/// (one SaveChanges), so a message exists exactly when the state change that caused it does. Each message is shaped for
/// its channel as it is queued (<see cref="ChoiceShaper"/>), so what is stored is what the channel is sent.
/// </summary>
internal sealed class OutboxWriter(ResidentBotDbContext db, TimeProvider time, ChoiceShaper shaper)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Queues a message. With a <paramref name="dedupKey"/>, a second message with the same key is never sent.</summary>
    public OutboxMessage Enqueue(string channel, string recipient, OutboundMessage message, string? dedupKey = null) =>
        Enqueue(new Addressee(channel, recipient, Reachable: true), message, dedupKey);

    /// <summary>
    /// Queues a message for a person: sent on the addressee's channel, or kept waiting when it cannot reach them now,
    /// until their next interaction on any channel.
    /// </summary>
    public OutboxMessage Enqueue(Addressee to, OutboundMessage message, string? dedupKey = null)
    {
        ArgumentNullException.ThrowIfNull(to);
        var now = time.GetUtcNow();
        var row = new OutboxMessage
        {
            Channel = to.Channel,
            Recipient = to.Recipient,
            Status = to.Reachable ? OutboxStatus.Pending : OutboxStatus.Waiting,
            ResidentId = to.ResidentId,
            OfficialId = to.OfficialId,
            Payload = JsonSerializer.Serialize(shaper.Shape(to.Channel, to.Recipient, message), Json),
            CreatedAt = now,
            NextAttemptAt = now,
            DedupKey = dedupKey,
            Tag = message.Tag,
        };
        db.OutboxMessages.Add(row);
        return row;
    }

    public static OutboundMessage Read(OutboxMessage row) =>
        JsonSerializer.Deserialize<OutboundMessage>(row.Payload, Json)
        ?? throw new InvalidOperationException($"Outbox message {row.Id} has an empty payload.");
}
