using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ResidentBot.Bot.Hosting;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>
/// POST /zalo/webhook. Zalo wants a 200 within 2 s and retries anything else (30 s, 5 min … 1 h) before it disables
/// the webhook, so: no or wrong signature → 403 (nothing stored); body over 1 MB → 413; a body that is not a JSON event
/// with a timestamp → 400 (it cannot be signed by Zalo, so it is not Zalo's); inbox failure → 500 (redelivered later);
/// otherwise 200 once the inbox has it (a duplicate is also 200). A signed event we cannot read is stored as
/// "unsupported" when it names a user, and otherwise acknowledged and logged whole (bounded): redelivering it cannot help.
/// </summary>
public static class ZaloWebhookEndpoint
{
    public const string Path = "/zalo/webhook";

    /// <summary>Maps the webhook; maps nothing when Zalo is off.</summary>
    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<ZaloSignature>() is not null)
        {
            endpoints.MapPost(Path, HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        }

        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, ZaloSignature signature, ZaloEventMapper mapper, IInboundSink sink,
        ZaloWebhookRefusals refusals, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(ZaloWebhookEndpoint));
        var presented = http.Request.Headers[ZaloSignature.Header].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(presented))
        {
            refusals.Refused(http.Connection.RemoteIpAddress);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var body = await WebhookBody.ReadAsync(http.Request, WebhookBody.DefaultMaxBytes, ct).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        JsonObject? evt;
        try
        {
            evt = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            evt = null;
        }

        if (evt is null || ZaloEventMapper.Str(evt, "timestamp") is not { Length: > 0 } timestamp)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a Zalo event",
                detail: "The body must be a JSON object with a timestamp, signed in X-ZEvent-Signature.");
        }

        if (!signature.Matches(presented, body, timestamp))
        {
            refusals.Refused(http.Connection.RemoteIpAddress);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var message = mapper.Map(evt);
        if (message is null)
        {
            LogSkipped(logger, evt, body);
            return Results.Ok();
        }

        try
        {
            await sink.AcceptAsync(message, body, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Inbox refused Zalo event {UpdateId}; Zalo will redeliver it", UntrustedText.ForLog(message.UpdateId));
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        return Results.Ok();
    }

    private static void LogSkipped(ILogger logger, JsonObject evt, string body)
    {
        var name = ZaloEventMapper.Str(evt, "event_name");
        if (name is null || name.StartsWith("user_send_", StringComparison.Ordinal))
        {
            // Signed by Zalo but not an event we can read (no event name, no sender): kept in the log for whoever looks into it.
            logger.LogWarning("Signed Zalo webhook body that names no event or no sender; acknowledged: {Body}", UntrustedText.ForLog(body, 4000));
            return;
        }

        logger.LogDebug("Zalo event {EventName} has nobody to answer; skipped", UntrustedText.ForLog(name));
    }
}
