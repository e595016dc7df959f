using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResidentBot.Bot.Hosting;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>
/// POST /telegram/webhook. Telegram redelivers on any non-2xx, so: wrong secret → 403 (nothing stored), body over
/// 1 MB → 413, a body that is not an update → 200 and a warning (redelivering it cannot help), inbox failure → 500
/// (redelivered later), otherwise 200 once the inbox has it (a duplicate is also 200).
/// </summary>
public static class TelegramWebhookEndpoint
{
    public const string Path = "/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    internal const int MaxBodyBytes = WebhookBody.DefaultMaxBytes;

    /// <summary>Maps the webhook; maps nothing when Telegram is off or in long-polling mode.</summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<TelegramWebhookSecret>() is not null)
        {
            var parseOnly = endpoints.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>(WebhookOnlyBench.Key);
            endpoints.MapPost(Path, parseOnly ? WebhookOnlyBench.HandleAsync : HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        }

        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, TelegramWebhookSecret secret, TelegramUpdateMapper mapper,
        IInboundSink sink, TelegramWebhookRefusals refusals, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(TelegramWebhookEndpoint));
        if (!secret.Matches(http.Request.Headers[SecretHeader].FirstOrDefault()))
        {
            refusals.Refused(http.Connection.RemoteIpAddress);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var body = await WebhookBody.ReadAsync(http.Request, MaxBodyBytes, ct).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        Update? update;
        InboundMessage? message;
        try
        {
            update = JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options);
            message = mapper.Map(update);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or OverflowException or InvalidOperationException
                                   or NotSupportedException or InvalidCastException)
        {
            // Telegram.Bot's converters throw more than JsonException on out-of-range values (a date of 10^18 seconds):
            // a 500 would make Telegram redeliver the same poison update for ever.
            // The error quotes parts of the body: bounded and escaped, and no stack trace for a body we did not write.
            logger.LogWarning("Telegram webhook body is not an update ({Error}: {Detail}); acknowledged and dropped",
                ex.GetType().Name, UntrustedText.ForLog(ex.Message, 300));
            return Results.Ok();
        }

        if (message is null)
        {
            logger.LogDebug("Telegram update {UpdateId} has no chat to answer; skipped", update?.Id);
            return Results.Ok();
        }

        try
        {
            await sink.AcceptAsync(message, body, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Inbox refused Telegram update {UpdateId}; Telegram will redeliver it", message.UpdateId);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        return Results.Ok();
    }
}
