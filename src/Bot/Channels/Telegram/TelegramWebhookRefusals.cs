namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>Refused calls to <c>/telegram/webhook</c>, logged as <see cref="WebhookRefusals"/> says.</summary>
internal sealed class TelegramWebhookRefusals(TimeProvider time, ILogger<TelegramWebhookRefusals> logger)
    : WebhookRefusals("Telegram", time, logger);
