namespace ResidentBot.Bot.Channels;

/// <summary>
/// Where channel adapters hand each update. Accepting means the update is durably recorded (the inbox);
/// a channel may acknowledge the update to its platform only after this returns.
/// </summary>
public interface IInboundSink
{
    /// <summary>Records the update; returns false when it was already recorded (a redelivery).</summary>
    Task<bool> AcceptAsync(InboundMessage message, string rawPayload, CancellationToken cancellationToken);
}
