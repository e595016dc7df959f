namespace ResidentBot.Bot.Channels;

/// <summary>A channel refused or failed a delivery; <see cref="Kind"/> tells the outbox what to do.</summary>
public sealed class DeliveryException(DeliveryFailure kind, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public DeliveryFailure Kind { get; } = kind;

    /// <summary>For <see cref="DeliveryFailure.RateLimited"/>: how long the channel asked us to wait.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

public enum DeliveryFailure
{
    /// <summary>The channel said "too many requests"; retry after <see cref="DeliveryException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>
    /// Anything that does not say this message can never be delivered (network error, 5xx, a proxy's error page):
    /// retry with backoff. The default for what a channel adapter cannot classify.
    /// </summary>
    Transient,

    /// <summary>
    /// The channel itself refused this recipient or this content for good (blocked bot, chat not found, message too
    /// long): stop trying. Only the channel's own definitive answer qualifies.
    /// </summary>
    Permanent,

    /// <summary>
    /// The channel cannot reach this person now, though it may later (a Telegram user who never started the bot, a
    /// Zalo user outside the interaction window or no longer a follower): the message is kept waiting for the person's
    /// next interaction on any channel, not failed.
    /// </summary>
    Unreachable,
}
