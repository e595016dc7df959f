namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>Refused calls to <c>/zalobot/webhook</c>, logged as <see cref="WebhookRefusals"/> says.</summary>
internal sealed class ZaloBotWebhookRefusals(TimeProvider time, ILogger<ZaloBotWebhookRefusals> logger)
    : WebhookRefusals("Zalo bot", time, logger);
