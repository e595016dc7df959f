using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ResidentBot.Bot.Tests.Fakes;

public sealed partial class FakeBotApi
{
    private readonly FakeRateLimiter _rateLimiter;
    private readonly Dictionary<string, int> _lastMessageIdPerChat = [];
    private readonly Dictionary<string, byte[]> _files = [];

    /// <summary>Tunable limits used when <see cref="EnforceRateLimits"/> is on.</summary>
    internal FakeRateLimiter RateLimiter => _rateLimiter;

    /// <summary>Makes a file downloadable through getFile and /file/bot{token}/{path}.</summary>
    public void AddFile(string fileId, byte[] content)
    {
        lock (_gate)
        {
            _files[fileId] = content;
        }
    }

    /// <summary>Like <see cref="AddFile"/>, but keeps bytes a test already gave for this file id.</summary>
    public void AddFileIfMissing(string fileId, byte[] content)
    {
        lock (_gate)
        {
            _files.TryAdd(fileId, content);
        }
    }

    private async Task<(int, JsonNode)> DispatchAsync(string method, FakeBotApiCall call, CancellationToken aborted)
    {
        switch (method.ToLowerInvariant())
        {
            case "getupdates":
                return await GetUpdatesAsync(call, aborted).ConfigureAwait(false);
            case "getme":
                return Ok(new JsonObject
                {
                    ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Resident Bot", ["username"] = BotUsername,
                    ["can_join_groups"] = false, ["can_read_all_group_messages"] = false, ["supports_inline_queries"] = false,
                });
            case "sendmessage":
                return Send(call, m => m["text"] = call.String("text"));
            case "sendphoto":
                return Send(call, m =>
                {
                    m["photo"] = new JsonArray(Size("small", 90, 67), Size("large", 1280, 960));
                    if (call.String("caption") is { } caption)
                    {
                        m["caption"] = caption;
                    }
                });
            case "editmessagetext":
                return Ok(Message(call.String("chat_id") ?? "0", (int)(call.Long("message_id") ?? 0), call, m => m["text"] = call.String("text")));
            case "editmessagereplymarkup":
                return Ok(Message(call.String("chat_id") ?? "0", (int)(call.Long("message_id") ?? 0), call, _ => { }));
            case "answercallbackquery" or "setmycommands" or "deletemycommands":
                return Ok(true);
            case "setwebhook":
                return SetWebhook(call);
            case "deletewebhook":
                return DeleteWebhook();
            case "getfile":
                return GetFile(call);
            default:
                return (404, new FakeFailure(404, "Not Found: method not found").ToJson());
        }
    }

    private (int, JsonNode) Send(FakeBotApiCall call, Action<JsonObject> fill)
    {
        var chatId = call.String("chat_id");
        if (string.IsNullOrEmpty(chatId))
        {
            return (400, new FakeFailure(400, "Bad Request: chat_id is empty").ToJson());
        }

        if (EnforceRateLimits && _rateLimiter.TryAcquire(chatId) is { } retryAfter)
        {
            return (429, FakeFailure.TooManyRequests(retryAfter).ToJson());
        }

        int id;
        lock (_gate)
        {
            id = _lastMessageIdPerChat[chatId] = _lastMessageIdPerChat.GetValueOrDefault(chatId) + 1;
        }

        return Ok(Message(chatId, id, call, fill));
    }

    private JsonObject Message(string chatId, int messageId, FakeBotApiCall call, Action<JsonObject> fill)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Resident Bot", ["username"] = BotUsername },
            ["chat"] = new JsonObject { ["id"] = long.TryParse(chatId, out var n) ? n : 0, ["type"] = "private", ["first_name"] = "Resident" },
            ["date"] = Time.GetUtcNow().ToUnixTimeSeconds(),
        };
        if (call.Json("reply_markup") is JsonObject { } markup && markup.ContainsKey("inline_keyboard"))
        {
            message["reply_markup"] = markup.DeepClone();
        }

        fill(message);
        return message;
    }

    private static JsonObject Size(string id, int width, int height) => new()
    {
        ["file_id"] = $"sent-{id}", ["file_unique_id"] = $"u-{id}", ["width"] = width, ["height"] = height, ["file_size"] = width * height / 10,
    };

    private (int, JsonNode) GetFile(FakeBotApiCall call)
    {
        var fileId = call.String("file_id") ?? "";
        lock (_gate)
        {
            return _files.TryGetValue(fileId, out var content)
                ? Ok(new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u-" + fileId, ["file_size"] = content.Length, ["file_path"] = $"photos/{fileId}.jpg" })
                : (400, new FakeFailure(400, "Bad Request: invalid file_id").ToJson());
        }
    }

    private async Task ServeFileAsync(HttpContext http, string path)
    {
        byte[]? content;
        lock (_gate)
        {
            content = _files.FirstOrDefault(f => path == $"photos/{f.Key}.jpg").Value;
        }

        if (content is null)
        {
            http.Response.StatusCode = 404;
            return;
        }

        http.Response.ContentType = "image/jpeg";
        await http.Response.Body.WriteAsync(content, http.RequestAborted).ConfigureAwait(false);
    }
}
