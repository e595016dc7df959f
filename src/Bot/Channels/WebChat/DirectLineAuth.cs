using Microsoft.AspNetCore.Http;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Who is calling a Direct Line endpoint: the holder of the secret (a trusted server) or the holder of a token for
/// one conversation. Missing or forged credentials → 401; an expired token or another conversation → 403
/// (botframework-directlinejs treats 403 as "token expired").
/// </summary>
internal sealed record DirectLineCaller(bool IsSecretHolder, TokenClaims? Token)
{
    public static DirectLineCaller? From(HttpRequest request, WebChatKey key, WebChatTokens tokens, out IResult? refusal, string? queryToken = null)
    {
        var header = request.Headers.Authorization.ToString();
        var credential = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : queryToken;
        refusal = null;
        if (key.IsSecret(credential))
        {
            return new DirectLineCaller(true, null);
        }

        switch (tokens.Check(credential, out var claims))
        {
            case TokenCheck.Valid:
                return new DirectLineCaller(false, claims);
            case TokenCheck.Expired:
                refusal = DirectLineErrors.Forbidden("TokenExpired", "The token has expired.");
                return null;
            default:
                refusal = DirectLineErrors.Unauthorized();
                return null;
        }
    }

    /// <summary>True when this caller may act in <paramref name="conversationId"/>.</summary>
    public bool Reaches(string conversationId) => IsSecretHolder || Token?.ConversationId == conversationId;
}

internal static class DirectLineErrors
{
    public static IResult Unauthorized() => Error(StatusCodes.Status401Unauthorized, "BadArgument", "Missing or invalid token.");

    public static IResult Forbidden(string code, string message) => Error(StatusCodes.Status403Forbidden, code, message);

    public static IResult NotThisConversation() => Forbidden("BadArgument", "The token is not valid for this conversation.");

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult TooLarge(string message) => Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", message);

    public static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
