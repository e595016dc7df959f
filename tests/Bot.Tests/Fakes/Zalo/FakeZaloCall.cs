using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Tests.Fakes.Zalo;

/// <summary>One call the fake received: what it carried and the error code it answered (0 = accepted).</summary>
public sealed record FakeZaloCall(string Path, DateTimeOffset At)
{
    public string? AccessToken { get; init; }

    public JsonObject? Json { get; init; }

    public IReadOnlyDictionary<string, string> Form { get; init; } = new Dictionary<string, string>();

    public byte[]? File { get; init; }

    public int Error { get; init; }

    /// <summary>What the call answered with when accepted (a message id, an attachment id, a token).</summary>
    public string? Answer { get; init; }

    public string? Recipient => (string?)Json?["recipient"]?["user_id"] ?? (string?)Json?["user_id"];

    public string? Text => (string?)Json?["message"]?["text"];

    /// <summary>The buttons of a message: what each shows and the payload it sends back.</summary>
    public IReadOnlyList<(string Title, string Payload)> Buttons =>
        [.. (Json?["message"]?["attachment"]?["payload"]?["buttons"]?.AsArray() ?? [])
            .Select(b => ((string)b!["title"]!, (string)b["payload"]!))];

    public string? AttachmentId => (string?)Json?["message"]?["attachment"]?["payload"]?["elements"]?[0]?["attachment_id"];
}
