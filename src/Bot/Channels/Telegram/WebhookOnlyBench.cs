using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>
/// Benchmark only (bench/Intake measures the HTTP ceiling with it): with <c>Bench:WebhookOnly=true</c> the webhook
/// checks the secret, reads, parses and maps the update, and answers 200 without storing it. Never set it in
/// production: updates would be acknowledged to Telegram and lost.
/// </summary>
internal static class WebhookOnlyBench
{
    public const string Key = "Bench:WebhookOnly";

    public static async Task<IResult> HandleAsync(HttpContext http, TelegramWebhookSecret secret, TelegramUpdateMapper mapper, CancellationToken ct)
    {
        if (!secret.Matches(http.Request.Headers[TelegramWebhookEndpoint.SecretHeader].FirstOrDefault()))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await WebhookBody.ReadAsync(http.Request, TelegramWebhookEndpoint.MaxBodyBytes, ct).ConfigureAwait(false) is not { } body)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            mapper.Map(JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options));
        }
        catch (JsonException)
        {
        }

        return Results.Ok();
    }
}
