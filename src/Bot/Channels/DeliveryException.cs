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

    /// <summary>Network error or 5xx: retry with backoff.</summary>
    Transient,

    /// <summary>The channel will never accept this (blocked bot, chat not found, bad request): stop trying.</summary>
    Permanent,
}
