using System.Globalization;
using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Tests.Fakes;

/// <summary>One call the fake Bot API received: method, parameters (JSON, form or query, merged), uploads, time, answer.</summary>
public sealed record FakeBotApiCall(string Method, JsonObject Parameters, IReadOnlyList<FakeUpload> Files, DateTimeOffset At, int StatusCode)
{
    public string? String(string name) => Parameters[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var node => node.ToJsonString(),
    };

    public long? Long(string name) =>
        String(name) is { } s && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A parameter that is itself JSON (reply_markup, commands…), whether sent as JSON or as a form string.</summary>
    public JsonNode? Json(string name) => Parameters[name];
}

public sealed record FakeUpload(string Field, string FileName, long Length, byte[] Content);

/// <summary>A scripted error answer (Bot API shape: ok=false, error_code, description, parameters.retry_after).</summary>
public sealed record FakeFailure(int StatusCode, string Description, int? RetryAfter = null, bool Html = false)
{
    /// <summary>A reverse proxy's own error page (HTML, not the Bot API's JSON): e.g. 404 while it is being redeployed, 502, 504.</summary>
    public static FakeFailure Proxy(int statusCode) => new(statusCode, $"<html><body><h1>{statusCode}</h1>nginx</body></html>", Html: true);

    public static FakeFailure TooManyRequests(int retryAfter) => new(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);

    public static FakeFailure ServerError() => new(500, "Internal Server Error");

    public static FakeFailure BotBlocked() => new(403, "Forbidden: bot was blocked by the user");

    public static FakeFailure ChatNotFound() => new(400, "Bad Request: chat not found");

    public static FakeFailure NotModified() => new(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");

    public JsonObject ToJson()
    {
        if (Html)
        {
            return new JsonObject { ["html"] = Description };
        }

        var body = new JsonObject { ["ok"] = false, ["error_code"] = StatusCode, ["description"] = Description };
        if (RetryAfter is { } seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return body;
    }
}
