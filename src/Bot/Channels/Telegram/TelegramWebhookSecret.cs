namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>Telegram's webhook secret (<c>Telegram:SecretToken</c>), shared by every host on the database.</summary>
internal sealed class TelegramWebhookSecret(string? configured, Func<byte[], byte[]> share) : SharedWebhookSecret(configured, share)
{
    internal const string SharedName = "telegram-webhook-secret";

    public static TelegramWebhookSecret Shared(IServiceProvider services, string? configured) => new(configured, InDatabase(services, SharedName));
}
