using System.Security.Cryptography;
using System.Text;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Secrets;

namespace ResidentBot.Bot.Channels;

/// <summary>
/// A webhook secret all hosts on the database share. A platform keeps one webhook per bot (Telegram, Zalo Bot), so the
/// last host to register it sets the secret every host is then sent: two hosts with secrets of their own would lock
/// each other out. The first host stores its secret (configured, or generated when none is) and every later host uses
/// the stored one; a host configured with another value says so and does not register it (<see cref="ConfiguredDiffers"/>).
/// Read on first use, after the database is ready (the endpoint is mapped before it is).
/// </summary>
internal abstract class SharedWebhookSecret
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private readonly string? configured;
    private readonly Lazy<byte[]> shared;

    /// <param name="configured">The channel's configured secret, if set.</param>
    /// <param name="share">Stores the given secret unless one is stored already, and returns the stored one.</param>
    protected SharedWebhookSecret(string? configured, Func<byte[], byte[]> share)
    {
        this.configured = string.IsNullOrWhiteSpace(configured) ? null : configured;
        shared = new Lazy<byte[]>(() => share(Encoding.UTF8.GetBytes(this.configured ?? RandomNumberGenerator.GetString(Alphabet, 48))));
    }

    public string Value => Encoding.UTF8.GetString(shared.Value);

    /// <summary>Whether a secret is configured here and differs from the one the hosts registered.</summary>
    public bool ConfiguredDiffers => configured is not null && !Matches(configured);

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), shared.Value);

    /// <summary>Shares through the database's secrets table under <paramref name="name"/>.</summary>
    protected static Func<byte[], byte[]> InDatabase(IServiceProvider services, string name) => candidate =>
    {
        using var scope = services.CreateScope();
        return AppSecretRows.GetOrCreate(scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>(), name, () => candidate);
    };
}
