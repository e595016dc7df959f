using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Tests.Fakes.ZaloBot;

/// <summary>
/// One call the fake platform received: method, JSON parameters, the HTTP status and <c>ok</c> it answered, and for
/// sendPhoto what fetching the photo URL gave (null when it was not fetched).
/// </summary>
public sealed record FakeZaloBotCall(string Method, JsonObject Parameters, int StatusCode, bool Ok, FakeZaloBotFetch? Fetched)
{
    public string? String(string name) => Parameters[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var node => node.ToJsonString(),
    };
}

/// <summary>What the platform got when it fetched a photo URL: the HTTP status, the bytes and content type.</summary>
public sealed record FakeZaloBotFetch(int StatusCode, byte[] Content, string? ContentType, string? ContentSecurityPolicy, string? NoSniff);
