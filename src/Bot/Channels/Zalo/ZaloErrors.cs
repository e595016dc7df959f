namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>
/// What Zalo's error codes mean for the outbox. Outside the interaction window (−230, −232) or not a follower (−213):
/// the person cannot be reached now, the message waits for their next interaction. −32: too many calls, wait.
/// −201: Zalo refuses what we sent, for good. Anything else (a token that a refresh did not fix, an unknown code)
/// says nothing about the message itself, so it is retried.
/// </summary>
internal static class ZaloErrors
{
    public const int RateLimited = -32;
    public const int BadParameter = -201;
    public const int NotFollower = -213;
    public const int OutsideWindow = -230;
    public const int OutsideWindowPaid = -232;

    /// <summary>Zalo counts calls a minute per app: after a refusal the chat waits this long before the next try.</summary>
    public static readonly TimeSpan RateLimitPause = TimeSpan.FromSeconds(30);

    public static bool IsOutsideWindow(ZaloApiException ex) => ex.Error is OutsideWindow or OutsideWindowPaid;

    public static DeliveryException Classify(ZaloApiException ex) => ex.Error switch
    {
        OutsideWindow or OutsideWindowPaid or NotFollower => new DeliveryException(DeliveryFailure.Unreachable, ex.Message, inner: ex),
        RateLimited => new DeliveryException(DeliveryFailure.RateLimited, ex.Message, RateLimitPause, ex),
        BadParameter => new DeliveryException(DeliveryFailure.Permanent, ex.Message, inner: ex),
        _ => new DeliveryException(DeliveryFailure.Transient, ex.Message, inner: ex),
    };
}
