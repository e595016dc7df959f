using Telegram.Bot.Exceptions;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>
/// Classifies Telegram failures for the outbox: rate limited, transient or permanent. Only Telegram's own refusal of
/// this chat or this content is permanent: a Bot API error (its JSON answer) 400 (chat not found, message too long,
/// bad request on what we sent) or 403 (bot blocked, user deactivated, kicked). Anything else keeps the message: a
/// proxy's own page (a 404 while it is redeployed, 502, 504), 401 (a token being rotated), 404 and 409 (a misrouted
/// or misconfigured API), 408, 429, 5xx, network errors — none says this message can never be delivered.
/// Two 403 answers are about the person, not the message, and end when they press Start (again): "bot can't initiate
/// conversation with a user" (never started the bot) and "bot was blocked by the user" — unreachable, so the message
/// waits for their next interaction.
/// </summary>
internal static class TelegramErrors
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public static bool IsNotModified(ApiRequestException ex) =>
        ex.ErrorCode == 400 && ex.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);

    private static bool IsUnreachable(ApiRequestException ex) =>
        ex.Message.Contains("bot can't initiate conversation", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("bot was blocked by the user", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the delivery exception for <paramref name="ex"/>, or null when it is not a delivery failure.</summary>
    public static DeliveryException? Classify(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        DeliveryException => null,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        ApiRequestException { ErrorCode: 429 } api => new DeliveryException(DeliveryFailure.RateLimited, api.Message,
            api.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : DefaultRetryAfter, api),
        ApiRequestException { ErrorCode: 403 } api when IsUnreachable(api) =>
            new DeliveryException(DeliveryFailure.Unreachable, api.Message, inner: api),
        // Telegram.Bot raises ApiRequestException only for an answer in the Bot API's shape; a proxy's page is a RequestException.
        ApiRequestException { ErrorCode: 400 or 403 } api =>
            new DeliveryException(DeliveryFailure.Permanent, api.Message, inner: api),
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException =>
            new DeliveryException(DeliveryFailure.Permanent, $"Photo file cannot be read: {ex.Message}", inner: ex),
        RequestException or HttpRequestException or OperationCanceledException or IOException =>
            new DeliveryException(DeliveryFailure.Transient, ex.Message, inner: ex),
        _ => null,
    };
}
