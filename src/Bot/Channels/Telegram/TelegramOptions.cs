using System.ComponentModel.DataAnnotations;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>Settings of the Telegram channel (section <c>Telegram</c>); without a bot token the channel is off.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The token BotFather gives; a secret, so set it as <c>Telegram__BotToken</c> or in user-secrets.</summary>
    [RegularExpression(@"^\d+:[A-Za-z0-9_-]{20,}$",
        ErrorMessage = "Telegram:BotToken does not look like a bot token (digits, a colon, then 20+ letters, digits, '_' or '-', e.g. 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11). Copy it again from @BotFather.")]
    public string? BotToken { get; set; }

    /// <summary>A local Bot API server (e.g. <c>http://localhost:8081</c>); only scheme, host and port are used.</summary>
    [RegularExpression(@"^https?://[^\s/]+(:\d+)?(/\S*)?$", ErrorMessage = "Telegram:ApiBaseUrl must be an absolute http(s) URL such as http://localhost:8081.")]
    public string? ApiBaseUrl { get; set; }

    /// <summary>Public HTTPS URL of <c>/telegram/webhook</c>; set → webhook mode, empty → long polling.</summary>
    [RegularExpression(@"^https://\S+$", ErrorMessage = "Telegram:WebhookUrl must be an absolute https URL (Telegram sends webhooks only over https) such as https://bot.example.vn/telegram/webhook.")]
    public string? WebhookUrl { get; set; }

    /// <summary>Webhook secret echoed by Telegram in a header; when absent, generated at first start and kept in the database (shared by the hosts).</summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,256}$",
        ErrorMessage = "Telegram:SecretToken may contain only A-Z, a-z, 0-9, '_' and '-' (1-256 characters).")]
    public string? SecretToken { get; set; }

    /// <summary>Our bot's username without '@'; learned from getMe when absent.</summary>
    public string? BotUsername { get; set; }

    [Range(1, 50, ErrorMessage = "Telegram:PollingTimeoutSeconds must be between 1 and 50.")]
    public int PollingTimeoutSeconds { get; set; } = 25;

    [Range(1, 20 * 1024 * 1024, ErrorMessage = "Telegram:MaxPhotoBytes must be between 1 byte and 20 MB (the Bot API download limit).")]
    public int MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(BotToken);

    public bool IsWebhookMode => !string.IsNullOrWhiteSpace(WebhookUrl);
}
