using System.Globalization;
using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Tests.Fakes.ZaloBot;

public sealed partial class FakeZaloBotApi
{
    private async Task<(int, JsonObject, FakeZaloBotFetch?)> DispatchAsync(string method, JsonObject parameters, CancellationToken aborted)
    {
        switch (method)
        {
            case "getMe":
                return (200, Ok(new JsonObject
                {
                    ["id"] = BotId, ["account_name"] = AccountName, ["account_type"] = "BASIC", ["can_join_groups"] = false,
                }), null);
            case "getUpdates":
                return (200, await GetUpdatesAsync(parameters, aborted).ConfigureAwait(false), null);
            case "setWebhook":
                return SetWebhook(parameters);
            case "deleteWebhook":
                return (200, Ok(WebhookInfo(clear: true)), null);
            case "getWebhookInfo":
                return (200, Ok(WebhookInfo(clear: false)), null);
            case "sendMessage":
                return Send(parameters, Text(parameters, "text", required: true));
            case "sendPhoto":
                return await SendPhotoAsync(parameters, aborted).ConfigureAwait(false);
            case "sendChatAction":
                return Text(parameters, "chat_id", required: true) is { } problem ? (400, Error(400, problem), null) : (200, new JsonObject { ["ok"] = true }, null);
            default:
                // The documented methods are case-sensitive names; anything else is unknown.
                return (404, Error(404, "Method not found"), null);
        }
    }

    private (int, JsonObject, FakeZaloBotFetch?) Send(JsonObject parameters, string? problem)
    {
        if (Text(parameters, "chat_id", required: true) is { } chatProblem)
        {
            return (400, Error(400, chatProblem), null);
        }

        if (problem is not null)
        {
            return (400, Error(400, problem), null);
        }

        var id = Interlocked.Increment(ref _nextSentId).ToString("x20", CultureInfo.InvariantCulture);
        return (200, Ok(new JsonObject { ["message_id"] = id, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }), null);
    }

    private async Task<(int, JsonObject, FakeZaloBotFetch?)> SendPhotoAsync(JsonObject parameters, CancellationToken aborted)
    {
        var photo = parameters["photo"]?.ToString();
        if (!Uri.TryCreate(photo, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return (400, Error(400, "photo must be a URL"), null);
        }

        if (Text(parameters, "caption", required: false) is { } captionProblem)
        {
            return (400, Error(400, captionProblem), null);
        }

        FakeZaloBotFetch fetched;
        try
        {
            using var response = await _http.GetAsync(url, aborted).ConfigureAwait(false);
            fetched = new FakeZaloBotFetch((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(aborted).ConfigureAwait(false),
                response.Content.Headers.ContentType?.MediaType,
                response.Headers.TryGetValues("Content-Security-Policy", out var csp) ? csp.First() : null,
                response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) ? sniff.First() : null);
        }
        catch (HttpRequestException)
        {
            fetched = new FakeZaloBotFetch(0, [], null, null, null);
        }

        if (fetched.StatusCode != 200 || fetched.ContentType?.StartsWith("image/", StringComparison.Ordinal) != true)
        {
            return (400, Error(400, "Cannot get the photo from the URL"), fetched);
        }

        var (status, body, _) = Send(parameters, null);
        return (status, body, fetched);
    }

    /// <summary>A problem with a text parameter (missing, empty, over 2,000 characters), or null when it is fine.</summary>
    private static string? Text(JsonObject parameters, string name, bool required)
    {
        var value = parameters[name]?.ToString();
        if (value is null)
        {
            return required ? $"{name} is required" : null;
        }

        return value.Length switch
        {
            0 => $"{name} must not be empty",
            > MaxTextLength when name is "text" or "caption" => $"{name} must be 1 to {MaxTextLength} characters",
            _ => null,
        };
    }
}
