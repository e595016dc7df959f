namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>Refused (unsigned or wrongly signed) calls to <c>/zalo/webhook</c>, logged as <see cref="WebhookRefusals"/> says.</summary>
internal sealed class ZaloWebhookRefusals(TimeProvider time, ILogger<ZaloWebhookRefusals> logger)
    : WebhookRefusals("Zalo OA", time, logger);
