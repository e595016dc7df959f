using System.Security.Cryptography;
using System.Text;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>
/// Zalo signs each webhook call: header <c>X-ZEvent-Signature</c> = <c>mac=</c> + hex SHA-256 (a plain hash, not an HMAC)
/// of app id + raw body + the body's <c>timestamp</c> + the OA secret key. The value is accepted without the prefix too.
/// </summary>
internal sealed class ZaloSignature(string appId, string oaSecretKey)
{
    public const string Header = "X-ZEvent-Signature";
    private const string Prefix = "mac=";

    public string Compute(string rawBody, string timestamp) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appId + rawBody + timestamp + oaSecretKey)));

    /// <summary>Whether <paramref name="presented"/> signs this body; compared in constant time.</summary>
    public bool Matches(string? presented, string rawBody, string timestamp)
    {
        if (string.IsNullOrWhiteSpace(presented))
        {
            return false;
        }

        var value = presented.Trim();
        if (value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            value = value[Prefix.Length..];
        }

        var expected = Encoding.ASCII.GetBytes(Compute(rawBody, timestamp));
        var given = Encoding.ASCII.GetBytes(value.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
