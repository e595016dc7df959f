using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ResidentBot.Bot.Hosting;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>
/// POST /zalobot/webhook, with the Telegram webhook's policy: wrong or missing secret → 403 (nothing stored), body over
/// 1 MB → 413, a body that is not an event → 200 and a warning (redelivering it cannot help), an event with nobody to
/// answer → 200, inbox failure → 500 (the platform may deliver it again), otherwise 200 once the inbox has it (a
/// duplicate is also 200).
/// </summary>
internal static class ZaloBotWebhookEndpoint
{
    public const string Path = "/zalobot/webhook";
    public const string SecretHeader = "X-Bot-Api-Secret-Token";

    public static async Task<IResult> HandleAsync(HttpContext http, ZaloBotWebhookSecret secret, ZaloBotUpdateMapper mapper,
        IInboundSink sink, ZaloBotWebhookRefusals refusals, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(ZaloBotWebhookEndpoint));
        if (!secret.Matches(http.Request.Headers[SecretHeader].FirstOrDefault()))
        {
            refusals.Refused(http.Connection.RemoteIpAddress);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        // The same cap and reader as every webhook: a stranger's body is never buffered whole.
        var body = await WebhookBody.ReadAsync(http.Request, WebhookBody.DefaultMaxBytes, ct).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        InboundMessage? message;
        try
        {
            message = mapper.Map(ZaloBotUpdateMapper.Parse(body));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
        {
            logger.LogWarning("Zalo bot webhook body is not an event ({Error}: {Detail}); acknowledged and dropped",
                ex.GetType().Name, UntrustedText.ForLog(ex.Message, 300));
            return Results.Ok();
        }

        if (message is null)
        {
            logger.LogDebug("Zalo bot event has nobody to answer; skipped");
            return Results.Ok();
        }

        try
        {
            await sink.AcceptAsync(message, body, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Inbox refused Zalo bot message {MessageId}; answering 500 so it is delivered again", message.UpdateId);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        return Results.Ok();
    }
}
