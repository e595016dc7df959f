using System.Security.Cryptography;
using System.Text;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Secrets;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>
/// The webhook secret all hosts on the database share. Telegram keeps one webhook per bot, so the last host to call
/// setWebhook sets the secret every host is then sent: two hosts with secrets of their own would lock each other out.
/// The first host stores its secret (configured, or generated when none is) and every later host uses the stored one;
/// a host configured with another value says so and does not register it (<see cref="ConfiguredDiffers"/>). Read on first
/// use, after the database is ready (the endpoint is mapped before it is).
/// </summary>
internal sealed class TelegramWebhookSecret
{
    internal const string SharedName = "telegram-webhook-secret";
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private readonly string? configured;
    private readonly Lazy<byte[]> shared;

    /// <param name="configured"><c>Telegram:SecretToken</c>, if set.</param>
    /// <param name="share">Stores the given secret unless one is stored already, and returns the stored one.</param>
    public TelegramWebhookSecret(string? configured, Func<byte[], byte[]> share)
    {
        this.configured = string.IsNullOrWhiteSpace(configured) ? null : configured;
        shared = new Lazy<byte[]>(() => share(Encoding.UTF8.GetBytes(this.configured ?? RandomNumberGenerator.GetString(Alphabet, 48))));
    }

    public string Value => Encoding.UTF8.GetString(shared.Value);

    /// <summary>Whether <c>Telegram:SecretToken</c> is set here and differs from the secret the hosts registered.</summary>
    public bool ConfiguredDiffers => configured is not null && !Matches(configured);

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), shared.Value);

    public static TelegramWebhookSecret Shared(IServiceProvider services, string? configured) =>
        new(configured, candidate =>
        {
            using var scope = services.CreateScope();
            return AppSecretRows.GetOrCreate(scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>(), SharedName, () => candidate);
        });
}
