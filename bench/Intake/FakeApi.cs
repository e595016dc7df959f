using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ResidentBot.Intake.Bench;

/// <summary>One Bot API call the host made, as the driver needs it: who it was for, its buttons, when it arrived.</summary>
internal sealed record ApiCall(string Method, string Chat, string? Text, JsonArray? Keyboard, int MessageId, long At);

/// <summary>
/// A fake Telegram Bot API served by the driver on 127.0.0.1: answers ok:true, remembers each chat's calls so
/// simulated users can read their buttons, and (delivery mode) enforces 30 messages/s overall and 1/s per chat.
/// </summary>
internal sealed class FakeApi : IAsyncDisposable
{
    public const string Token = "123456:benchbenchbenchbenchbench";
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ChatLog> chats = new();
    private readonly ConcurrentDictionary<string, int> messageIds = new();
    private readonly Lock limitGate = new();
    private readonly Queue<long> recentSends = new();
    private readonly Dictionary<string, long> lastSendPerChat = [];
    private long sends;
    private long tooMany;
    private long overall;
    private long perChat;
    private TimeSpan shortestChatGap = TimeSpan.MaxValue;
    private long edits;

    private FakeApi(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public bool EnforceLimits { get; set; }

    public long Sends => Interlocked.Read(ref sends);

    public long TooMany => Interlocked.Read(ref tooMany);

    /// <summary>Which limit the 429s were for, and the shortest gap between two arrivals for one chat that was refused.</summary>
    public string TooManyWhy
    {
        get
        {
            lock (limitGate)
            {
                return perChat == 0 ? $"{overall} over 30/s, 0 per chat"
                    : $"{overall} over 30/s, {perChat} per chat (shortest gap {shortestChatGap.TotalMilliseconds:F0} ms)";
            }
        }
    }

    /// <summary>Messages delivered: sends plus edits (an outbox row is one of either).</summary>
    public long Deliveries => Interlocked.Read(ref sends) + Interlocked.Read(ref edits);

    public static async Task<FakeApi> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync(ct);
        fake.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    public ChatLog Chat(string chat) => chats.GetOrAdd(chat, _ => new ChatLog());

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var method = http.Request.Path.Value?.Split('/').LastOrDefault() ?? "";
        var p = await ReadParametersAsync(http.Request);
        var chat = Str(p, "chat_id") ?? "";
        JsonNode? result = true;
        var status = 200;
        switch (method.ToLowerInvariant())
        {
            case "getme":
                result = new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "Bench", ["username"] = "BenchBot" };
                break;
            case "sendmessage" or "sendphoto":
                if (EnforceLimits && RetryAfter(chat) is { } wait)
                {
                    Interlocked.Increment(ref tooMany);
                    await WriteAsync(http, 429, new JsonObject
                    {
                        ["ok"] = false, ["error_code"] = 429, ["description"] = $"Too Many Requests: retry after {wait}",
                        ["parameters"] = new JsonObject { ["retry_after"] = wait },
                    });
                    return;
                }

                Interlocked.Increment(ref sends);
                var id = messageIds.AddOrUpdate(chat, 1, (_, n) => n + 1);
                result = Message(chat, id, p);
                Record(new ApiCall("sendMessage", chat, Str(p, "text"), Keyboard(p), id, Stopwatch.GetTimestamp()));
                break;
            case "editmessagetext" or "editmessagereplymarkup":
                Interlocked.Increment(ref edits);
                var mid = int.TryParse(Str(p, "message_id"), out var m) ? m : 0;
                result = Message(chat, mid, p);
                Record(new ApiCall("editMessageText", chat, Str(p, "text"), Keyboard(p), mid, Stopwatch.GetTimestamp()));
                break;
            case "answercallbackquery":
                // The driver names callback ids "{chat}:{n}" so the answer can be matched to its chat.
                var cb = Str(p, "callback_query_id") ?? "";
                Record(new ApiCall("answerCallbackQuery", cb.Split(':')[0], cb, null, 0, Stopwatch.GetTimestamp()));
                break;
            case "setwebhook" or "deletewebhook" or "setmycommands" or "deletemycommands":
                break;
            default:
                status = 404;
                break;
        }

        await WriteAsync(http, status, status == 200
            ? new JsonObject { ["ok"] = true, ["result"] = result }
            : new JsonObject { ["ok"] = false, ["error_code"] = status, ["description"] = "Not Found" });
    }

    private void Record(ApiCall call)
    {
        if (call.Chat.Length > 0)
        {
            Chat(call.Chat).Add(call);
        }
    }

    // Telegram's limits as a sliding second overall and one second per chat; answers the wait in whole seconds.
    private int? RetryAfter(string chat)
    {
        var now = Stopwatch.GetTimestamp();
        lock (limitGate)
        {
            while (recentSends.Count > 0 && Stopwatch.GetElapsedTime(recentSends.Peek(), now) >= TimeSpan.FromSeconds(1))
            {
                recentSends.Dequeue();
            }

            if (recentSends.Count >= 30)
            {
                overall++;
                return 1;
            }

            if (lastSendPerChat.TryGetValue(chat, out var last) && Stopwatch.GetElapsedTime(last, now) is var gap && gap < TimeSpan.FromSeconds(1))
            {
                perChat++;
                shortestChatGap = gap < shortestChatGap ? gap : shortestChatGap;
                return 1;
            }

            recentSends.Enqueue(now);
            lastSendPerChat[chat] = now;
            return null;
        }
    }

    private static JsonObject Message(string chat, int id, JsonObject p)
    {
        var message = new JsonObject
        {
            ["message_id"] = id,
            ["from"] = new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "Bench" },
            ["chat"] = new JsonObject { ["id"] = long.TryParse(chat, out var n) ? n : 0, ["type"] = "private" },
            ["date"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
            ["text"] = Str(p, "text") ?? "",
        };
        if (Keyboard(p) is { } keyboard)
        {
            message["reply_markup"] = new JsonObject { ["inline_keyboard"] = keyboard.DeepClone() };
        }

        return message;
    }

    private static JsonArray? Keyboard(JsonObject p) => p["reply_markup"] switch
    {
        JsonObject o => o["inline_keyboard"] as JsonArray,
        JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith('{') => JsonNode.Parse(s)?["inline_keyboard"] as JsonArray,
        _ => null,
    };

    private static string? Str(JsonObject p, string key) => p[key] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request)
    {
        var p = new JsonObject();
        if (request.HasJsonContentType())
        {
            if (await JsonNode.ParseAsync(request.Body) is JsonObject body)
            {
                return body;
            }
        }
        else if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync())
            {
                p[key] = value.ToString();
            }
        }

        return p;
    }

    private static async Task WriteAsync(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(JsonSerializerOptions.Default), http.RequestAborted);
    }
}
