using System.Security.Cryptography;
using System.Text;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>The webhook secret for this process: configured, or random when none is (setWebhook sends it anew at each start).</summary>
internal sealed class ZaloBotWebhookSecret
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private readonly byte[] _bytes;

    public ZaloBotWebhookSecret(string? configured)
    {
        Value = string.IsNullOrWhiteSpace(configured) ? RandomNumberGenerator.GetString(Alphabet, 48) : configured;
        _bytes = Encoding.UTF8.GetBytes(Value);
    }

    public string Value { get; }

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _bytes);
}
