using System.Net;
using Telegram.Bot.Exceptions;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>Classifies Telegram failures for the outbox: rate limited, transient or permanent.</summary>
internal static class TelegramErrors
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public static bool IsNotModified(ApiRequestException ex) =>
        ex.ErrorCode == 400 && ex.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the delivery exception for <paramref name="ex"/>, or null when it is not a delivery failure.</summary>
    public static DeliveryException? Classify(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        DeliveryException => null,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        ApiRequestException { ErrorCode: 429 } api => new DeliveryException(DeliveryFailure.RateLimited, api.Message,
            api.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : DefaultRetryAfter, api),
        ApiRequestException { ErrorCode: >= 500 } api => new DeliveryException(DeliveryFailure.Transient, api.Message, inner: api),
        ApiRequestException api => new DeliveryException(DeliveryFailure.Permanent, api.Message, inner: api),
        RequestException { HttpStatusCode: { } status } req when IsClientError(status) =>
            new DeliveryException(DeliveryFailure.Permanent, req.Message, inner: req),
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException =>
            new DeliveryException(DeliveryFailure.Permanent, $"Photo file cannot be read: {ex.Message}", inner: ex),
        RequestException or HttpRequestException or OperationCanceledException or IOException =>
            new DeliveryException(DeliveryFailure.Transient, ex.Message, inner: ex),
        _ => null,
    };

    private static bool IsClientError(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 and not 429 and not 408;
}
