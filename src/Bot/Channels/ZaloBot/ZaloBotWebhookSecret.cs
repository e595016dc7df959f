namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>Zalo Bot's webhook secret (<c>ZaloBot:SecretToken</c>), shared by every host on the database.</summary>
internal sealed class ZaloBotWebhookSecret(string? configured, Func<byte[], byte[]> share) : SharedWebhookSecret(configured, share)
{
    internal const string SharedName = "zalobot-webhook-secret";

    public static ZaloBotWebhookSecret Shared(IServiceProvider services, string? configured) => new(configured, InDatabase(services, SharedName));
}
