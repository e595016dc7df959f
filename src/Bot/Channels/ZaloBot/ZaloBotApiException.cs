namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>The Bot Platform answered in its own shape with <c>ok: false</c>.</summary>
internal sealed class ZaloBotApiException(int errorCode, string description, int httpStatus, TimeSpan? retryAfter)
    : Exception($"Zalo Bot API error {errorCode}: {description}")
{
    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    /// <summary>The HTTP status of the answer (the platform may say 200 with ok: false).</summary>
    public int HttpStatus { get; } = httpStatus;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
