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
    public OutboxMessage Enqueue(string channel, string recipient, OutboundMessage message, string? dedupKey = null)
    {
        var now = time.GetUtcNow();
        var row = new OutboxMessage
        {
            Channel = channel,
            Recipient = recipient,
            Payload = JsonSerializer.Serialize(shaper.Shape(channel, recipient, message), Json),
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
