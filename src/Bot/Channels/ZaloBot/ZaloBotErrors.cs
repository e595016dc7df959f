using System.Text.Json;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>
/// Classifies Bot Platform failures for the outbox. 429 is rate limited (its retry_after honoured); 403, or an answer
/// saying the user blocked or cannot be messaged, means this person cannot be reached now (the message waits for their
/// next interaction); other 400s refuse this content or chat for good. Everything else keeps the message for a retry:
/// 401 (a token being replaced), 404, 408, 5xx, a proxy's page, network errors — none says it can never be delivered.
/// </summary>
internal static class ZaloBotErrors
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly string[] UnreachableWords = ["block", "not allowed", "not permitted", "forbidden", "không cho phép", "chặn"];

    /// <summary>Returns the delivery exception for <paramref name="ex"/>, or null when it is not a delivery failure.</summary>
    public static DeliveryException? Classify(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        DeliveryException => null,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        ZaloBotApiException api when api.ErrorCode == 429 || api.HttpStatus == 429 =>
            new DeliveryException(DeliveryFailure.RateLimited, api.Message, api.RetryAfter ?? DefaultRetryAfter, api),
        ZaloBotApiException { ErrorCode: 403 } api => new DeliveryException(DeliveryFailure.Unreachable, api.Message, inner: api),
        ZaloBotApiException { ErrorCode: 400 } api when SaysUnreachable(api.Description) =>
            new DeliveryException(DeliveryFailure.Unreachable, api.Message, inner: api),
        ZaloBotApiException { ErrorCode: 400 } api => new DeliveryException(DeliveryFailure.Permanent, api.Message, inner: api),
        ZaloBotApiException or HttpRequestException or OperationCanceledException or IOException or JsonException =>
            new DeliveryException(DeliveryFailure.Transient, ex.Message, inner: ex),
        _ => null,
    };

    private static bool SaysUnreachable(string description) =>
        UnreachableWords.Any(word => description.Contains(word, StringComparison.OrdinalIgnoreCase));
}
