using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Short-lived conversation tokens: HS256 JSON Web Tokens naming one conversation and one user. A token reaches
/// only its own conversation, and the user id every message is attributed to is the token's, never the client's.
/// </summary>
internal sealed class WebChatTokens(WebChatKey key, IOptions<WebChatOptions> options, TimeProvider time)
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    public TimeSpan Lifetime => options.Value.TokenLifetime;

    public string Issue(string conversationId, string userId)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var claims = new TokenClaims(conversationId, userId, now, now + (long)Lifetime.TotalSeconds);
        var unsigned = $"{WebChatKey.Base64Url(Header)}.{WebChatKey.Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims))}";
        return $"{unsigned}.{Sign(unsigned)}";
    }

    /// <summary>Returns the claims of a well-signed, unexpired token; null for anything else.</summary>
    public TokenClaims? Validate(string? token) => Check(token, out var claims) == TokenCheck.Valid ? claims : null;

    public TokenCheck Check(string? token, out TokenClaims? claims)
    {
        claims = null;
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return TokenCheck.Invalid;
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return TokenCheck.Invalid;
        }

        var expected = Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
        {
            return TokenCheck.Invalid;
        }

        try
        {
            var read = JsonSerializer.Deserialize<TokenClaims>(FromBase64Url(parts[1]));
            if (read is null || string.IsNullOrEmpty(read.ConversationId) || string.IsNullOrEmpty(read.UserId))
            {
                return TokenCheck.Invalid;
            }

            if (read.Expires <= time.GetUtcNow().ToUnixTimeSeconds())
            {
                return TokenCheck.Expired;
            }

            claims = read;
            return TokenCheck.Valid;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return TokenCheck.Invalid;
        }
    }

    private string Sign(string unsigned) => WebChatKey.Base64Url(HMACSHA256.HashData(key.SigningKey, Encoding.ASCII.GetBytes(unsigned)));

    private static byte[] FromBase64Url(string value)
    {
        var base64 = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}

internal enum TokenCheck
{
    Valid,
    Invalid,
    Expired,
}

internal sealed record TokenClaims(
    [property: JsonPropertyName("conv")] string ConversationId,
    [property: JsonPropertyName("user")] string UserId,
    [property: JsonPropertyName("iat")] long IssuedAt,
    [property: JsonPropertyName("exp")] long Expires);
