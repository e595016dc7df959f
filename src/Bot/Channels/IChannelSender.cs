namespace ResidentBot.Bot.Channels;

/// <summary>Delivers one outbound message on one channel. The outbox sender owns retries and pacing.</summary>
public interface IChannelSender
{
    string Channel { get; }

    /// <summary>What this channel can carry; prompts and the outbox adapt to it.</summary>
    ChannelCapabilities Capabilities { get; }

    /// <summary>
    /// Sends the message and returns the channel's id of the (last) message sent.
    /// Throws <see cref="DeliveryException"/> to say whether and when to retry.
    /// </summary>
    Task<string?> SendAsync(string recipient, OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Answers a button press (Telegram requires an answer to every callback query). Sent at once, not
    /// through the outbox: the answer is only useful within seconds.
    /// </summary>
    Task AnswerButtonAsync(string callbackId, string? text, bool showAlert, CancellationToken cancellationToken);
}
