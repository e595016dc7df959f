using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Secrets;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>The Direct Line secret and the token-signing key derived from it.</summary>
internal sealed class WebChatKey(string secret)
{
    private const string SecretName = "webchat-secret";

    public byte[] SigningKey { get; } = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "direct-line-token"u8);

    public bool IsSecret(string? candidate) =>
        candidate is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(secret));

    /// <summary>WebChat:Secret when configured; otherwise a secret generated once and kept in the database.</summary>
    public static WebChatKey LoadOrCreate(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<WebChatOptions>>().Value.Secret;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new WebChatKey(configured);
        }

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        return new WebChatKey(Base64Url(AppSecretRows.GetOrCreate(db, SecretName, () => RandomNumberGenerator.GetBytes(32))));
    }

    internal static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
