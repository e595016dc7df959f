using System.ComponentModel.DataAnnotations;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>
/// Settings of the Zalo Bot Platform channel (section <c>ZaloBot</c>): the Telegram-style bot any Zalo account can
/// create in Zalo Bot Creator. Without a token the channel is off.
/// </summary>
public sealed class ZaloBotOptions
{
    public const string Section = "ZaloBot";
    public const string DefaultBaseUrl = "https://bot-api.zaloplatforms.com";

    /// <summary>The Bot Token Zalo Bot Creator shows (<c>bot id:key</c>); a secret, so set it as <c>ZaloBot__Token</c>.</summary>
    [RegularExpression(@"^\d+:[A-Za-z0-9_-]{10,}$",
        ErrorMessage = "ZaloBot:Token does not look like a Zalo bot token (digits, a colon, then 10+ letters, digits, '_' or '-'). Copy it again from Zalo Bot Creator.")]
    public string? Token { get; set; }

    [RegularExpression(@"^https?://[^\s/]+(:\d+)?(/\S*)?$", ErrorMessage = "ZaloBot:BaseUrl must be an absolute http(s) URL such as https://bot-api.zaloplatforms.com.")]
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Public HTTPS URL of <c>/zalobot/webhook</c>; set → webhook mode, empty → polling with getUpdates.</summary>
    [RegularExpression(@"^https://\S+$", ErrorMessage = "ZaloBot:WebhookUrl must be an absolute https URL such as https://bot.example.vn/zalobot/webhook.")]
    public string? WebhookUrl { get; set; }

    /// <summary>Webhook secret Zalo sends back in <c>X-Bot-Api-Secret-Token</c>; generated at each start when absent.</summary>
    [RegularExpression(@"^[\x21-\x7E]{8,256}$",
        ErrorMessage = "ZaloBot:SecretToken must be 8 to 256 visible ASCII characters (no spaces), as Zalo's setWebhook requires.")]
    public string? SecretToken { get; set; }

    /// <summary>
    /// Public base URL of this host (e.g. <c>https://bot.example.vn</c>), where Zalo fetches the photos we send; the
    /// origin of <see cref="WebhookUrl"/> when empty. Without either, photos we store cannot be sent (text still is).
    /// </summary>
    [RegularExpression(@"^https?://[^\s/]+(:\d+)?(/\S*)?$", ErrorMessage = "ZaloBot:PublicBaseUrl must be an absolute http(s) URL such as https://bot.example.vn.")]
    public string? PublicBaseUrl { get; set; }

    /// <summary>The link Zalo Bot Creator gives to open a chat with the bot (shown in invites); the platform has no start parameter.</summary>
    [RegularExpression(@"^https://\S+$", ErrorMessage = "ZaloBot:ChatLink must be an absolute https URL (the bot's link from Zalo Bot Creator).")]
    public string? ChatLink { get; set; }

    /// <summary>How long a photo link we hand to sendPhoto stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "ZaloBot:PhotoLinkLifetime must be between 1 minute and 7 days.")]
    public TimeSpan PhotoLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    [Range(1, 60, ErrorMessage = "ZaloBot:PollingTimeoutSeconds must be between 1 and 60.")]
    public int PollingTimeoutSeconds { get; set; } = 30;

    /// <summary>Largest photo we download from a resident or serve to Zalo.</summary>
    [Range(1, 20 * 1024 * 1024, ErrorMessage = "ZaloBot:MaxPhotoBytes must be between 1 byte and 20 MB.")]
    public int MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Token);

    public bool IsWebhookMode => !string.IsNullOrWhiteSpace(WebhookUrl);

    /// <summary>Where photo links point: <see cref="PublicBaseUrl"/>, else the webhook's origin, else null.</summary>
    public Uri? PhotoBase =>
        !string.IsNullOrWhiteSpace(PublicBaseUrl) ? new Uri(PublicBaseUrl.TrimEnd('/') + "/")
        : IsWebhookMode && Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var hook) ? new Uri(hook.GetLeftPart(UriPartial.Authority) + "/")
        : null;
}
