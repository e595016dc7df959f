using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Tests.Fakes.Zalo;

/// <summary>
/// Zalo's side of the webhook: events as Zalo writes them (ids and timestamps in milliseconds as strings, coordinates
/// as strings), signed with <c>X-ZEvent-Signature: mac=sha256(app id + body + timestamp + OA secret key)</c>, and the
/// OA's own sends echoed back with the OA as sender.
/// </summary>
public sealed partial class FakeZalo
{
    public const string SignatureHeader = "X-ZEvent-Signature";

    private readonly List<Task> _echoes = [];
    private readonly List<HttpStatusCode> _echoAnswers = [];
    private long _events;

    public static string Sign(string body, string timestamp) =>
        "mac=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AppId + body + timestamp + OaSecretKey)));

    public JsonObject TextEvent(string userId, string text, string? msgId = null) =>
        UserEvent("user_send_text", userId, new JsonObject { ["text"] = text, ["msg_id"] = msgId ?? NextMsgId() });

    public JsonObject ImageEvent(string userId, Uri url, string? caption = null) =>
        UserEvent("user_send_image", userId, new JsonObject
        {
            ["text"] = caption,
            ["msg_id"] = NextMsgId(),
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["type"] = "image",
                ["payload"] = new JsonObject { ["url"] = url.ToString(), ["thumbnail"] = url.ToString() },
            }),
        });

    public JsonObject LocationEvent(string userId, double latitude, double longitude) =>
        UserEvent("user_send_location", userId, new JsonObject
        {
            ["msg_id"] = NextMsgId(),
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["type"] = "location",
                ["payload"] = new JsonObject
                {
                    ["coordinates"] = new JsonObject
                    {
                        ["latitude"] = latitude.ToString(CultureInfo.InvariantCulture),
                        ["longitude"] = longitude.ToString(CultureInfo.InvariantCulture),
                    },
                },
            }),
        });

    public JsonObject FollowEvent(string userId, bool follow = true) => new()
    {
        ["app_id"] = AppId,
        ["oa_id"] = OaId,
        ["user_id_by_app"] = "app-" + userId,
        ["event_name"] = follow ? "follow" : "unfollow",
        ["source"] = "oa_profile",
        ["timestamp"] = NextTimestamp(),
        ["follower"] = new JsonObject { ["id"] = userId },
    };

    /// <summary>Signs and posts <paramref name="evt"/> to <see cref="WebhookUrl"/> (or with the given signature, or none).</summary>
    public async Task<HttpStatusCode> DeliverAsync(JsonObject evt, string? signature = "", string? body = null)
    {
        body ??= evt.ToJsonString();
        var timestamp = (string?)evt["timestamp"] ?? string.Empty;
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(SignatureHeader, signature.Length == 0 ? Sign(body, timestamp) : signature);
        }

        Interacted(evt);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Waits until every echo of the OA's sends so far has been posted to the webhook.</summary>
    public Task EchoesDeliveredAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_echoes);
        }
    }

    /// <summary>What the webhook answered to each echo delivered so far.</summary>
    public IReadOnlyList<HttpStatusCode> EchoAnswers
    {
        get
        {
            lock (_gate)
            {
                return [.. _echoAnswers];
            }
        }
    }

    private async Task EchoAsync(string userId, string msgId, string? text)
    {
        var answer = await DeliverAsync(new JsonObject
        {
            ["app_id"] = AppId,
            ["event_name"] = text is null ? "oa_send_image" : "oa_send_text",
            ["timestamp"] = NextTimestamp(),
            ["sender"] = new JsonObject { ["id"] = OaId },
            ["recipient"] = new JsonObject { ["id"] = userId },
            ["message"] = new JsonObject { ["text"] = text, ["msg_id"] = msgId },
        });
        lock (_gate)
        {
            _echoAnswers.Add(answer);
        }
    }

    private void Interacted(JsonObject evt)
    {
        var name = (string?)evt["event_name"];
        var user = name is "follow" or "unfollow" ? (string?)evt["follower"]?["id"] : (string?)evt["sender"]?["id"];
        if (user is null || user == OaId)
        {
            return;
        }

        lock (_gate)
        {
            _lastInteraction[user] = Time.GetUtcNow();
            if (name == "follow")
            {
                _followers.Add(user);
            }
            else if (name == "unfollow")
            {
                _followers.Remove(user);
                _lastInteraction.Remove(user);
            }
        }
    }

    private JsonObject UserEvent(string name, string userId, JsonObject message) => new()
    {
        ["app_id"] = AppId,
        ["user_id_by_app"] = "app-" + userId,
        ["event_name"] = name,
        ["timestamp"] = NextTimestamp(),
        ["sender"] = new JsonObject { ["id"] = userId },
        ["recipient"] = new JsonObject { ["id"] = OaId },
        ["message"] = message,
    };

    private string NextMsgId() => "in-" + Interlocked.Increment(ref _events).ToString(CultureInfo.InvariantCulture);

    // Milliseconds, as a string; one apart per event so two events of a test never share one.
    private string NextTimestamp() =>
        (Time.GetUtcNow().ToUnixTimeMilliseconds() + Interlocked.Increment(ref _events)).ToString(CultureInfo.InvariantCulture);
}
