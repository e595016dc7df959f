using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ResidentBot.Bot.Tests.Fakes.Zalo;

/// <summary>The OA API: consultation messages, image uploads, template messages, and the file CDN.</summary>
public sealed partial class FakeZalo
{
    public const string MessagePath = "/v3.0/oa/message/cs";
    public const string UploadPath = "/v2.0/oa/upload/image";
    public const string TemplatePath = "/message/template";
    public const string FilesPath = "/files/";

    /// <summary>Consultation messages reach a person until this long after their last interaction.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    private readonly Dictionary<string, DateTimeOffset> _lastInteraction = [];
    private readonly HashSet<string> _followers = [];
    private readonly Dictionary<string, byte[]> _files = [];
    private readonly Dictionary<string, byte[]> _uploads = [];
    private int _messages;

    /// <summary>The person's last interaction is this long ago (their window may have closed).</summary>
    public void LastInteractedAgo(string userId, TimeSpan ago)
    {
        lock (_gate)
        {
            _lastInteraction[userId] = Time.GetUtcNow() - ago;
        }
    }

    /// <summary>A photo on Zalo's CDN, as a person's image event names it.</summary>
    public Uri AddFile(byte[] content)
    {
        lock (_gate)
        {
            var name = $"{_files.Count + 1}.jpg";
            _files[name] = content;
            return new Uri(BaseUrl, FilesPath + name);
        }
    }

    /// <summary>The bytes of an image the OA uploaded.</summary>
    public byte[]? Uploaded(string attachmentId)
    {
        lock (_gate)
        {
            return _uploads.GetValueOrDefault(attachmentId);
        }
    }

    private async Task<(int, JsonObject, FakeZaloCall)> MessageAsync(HttpRequest request)
    {
        var json = await ReadJsonAsync(request);
        var call = new FakeZaloCall(MessagePath, Time.GetUtcNow()) { AccessToken = request.Headers["access_token"], Json = json };
        if (CheckAccessToken(call.AccessToken) is not 0 and var tokenError)
        {
            return (200, Error(tokenError, tokenError == -220 ? "Access token has expired" : "Access token is invalid"), call);
        }

        var user = call.Recipient;
        if (user is null || json?["message"] is not JsonObject message)
        {
            return (200, Error(-201, "Parameters are invalid"), call);
        }

        if ((call.Text?.Length ?? 0) > 2000 || call.Buttons.Count > 5 || call.Buttons.Any(b => b.Title.Length > 100)
            || (call.Text is null && message["attachment"] is null))
        {
            return (200, Error(-201, "Parameters are invalid"), call);
        }

        if (call.AttachmentId is { } attachment && Uploaded(attachment) is null)
        {
            return (200, Error(-201, "Attachment is invalid"), call);
        }

        lock (_gate)
        {
            if (!_lastInteraction.TryGetValue(user, out var last) && !_followers.Contains(user))
            {
                return (200, Error(-213, "User has not followed the OA"), call);
            }

            if (Time.GetUtcNow() - last > Window)
            {
                return (200, Error(-230, "User has not interacted with the OA in the last 7 days"), call);
            }

            var id = $"msg-{++_messages}";
            if (EchoSends && WebhookUrl is not null)
            {
                _echoes.Add(Task.Run(() => EchoAsync(user, id, call.Text)));
            }

            return (200, new JsonObject { ["error"] = 0, ["message"] = "Success", ["data"] = new JsonObject { ["message_id"] = id, ["user_id"] = user } },
                call with { Answer = id });
        }
    }

    private async Task<(int, JsonObject, FakeZaloCall)> UploadAsync(HttpRequest request)
    {
        var call = new FakeZaloCall(UploadPath, Time.GetUtcNow()) { AccessToken = request.Headers["access_token"] };
        if (CheckAccessToken(call.AccessToken) is not 0 and var tokenError)
        {
            return (200, Error(tokenError, "Access token is invalid or expired"), call);
        }

        var file = request.HasFormContentType ? (await request.ReadFormAsync()).Files.GetFile("file") : null;
        if (file is null)
        {
            return (200, Error(-201, "file is required"), call);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        call = call with { File = bytes };
        var isImage = bytes is [0xFF, 0xD8, 0xFF, ..] or [0x89, (byte)'P', (byte)'N', (byte)'G', ..];
        if (bytes.Length > 1024 * 1024 || !isImage)
        {
            return (200, Error(-210, "Image must be jpg or png and at most 1 MB"), call);
        }

        lock (_gate)
        {
            var id = $"att-{_uploads.Count + 1}";
            _uploads[id] = bytes;
            return (200, new JsonObject { ["error"] = 0, ["message"] = "Success", ["data"] = new JsonObject { ["attachment_id"] = id } }, call with { Answer = id });
        }
    }

    private async Task<(int, JsonObject, FakeZaloCall)> TemplateAsync(HttpRequest request)
    {
        var json = await ReadJsonAsync(request);
        var call = new FakeZaloCall(TemplatePath, Time.GetUtcNow()) { AccessToken = request.Headers["access_token"], Json = json };
        if (CheckAccessToken(call.AccessToken) is not 0 and var tokenError)
        {
            return (200, Error(tokenError, "Access token is invalid or expired"), call);
        }

        if (json?["template_id"] is null || json["template_data"] is not JsonObject || call.Recipient is null)
        {
            return (200, Error(-201, "Parameters are invalid"), call);
        }

        var id = $"zns-{Interlocked.Increment(ref _messages)}";
        return (200, new JsonObject { ["error"] = 0, ["message"] = "Success", ["data"] = new JsonObject { ["msg_id"] = id } }, call with { Answer = id });
    }

    private async Task ServeFileAsync(HttpContext http, string name)
    {
        byte[]? content;
        lock (_gate)
        {
            content = _files.GetValueOrDefault(name);
        }

        if (content is null)
        {
            http.Response.StatusCode = 404;
            return;
        }

        http.Response.ContentType = "image/jpeg";
        await http.Response.Body.WriteAsync(content);
    }

    private static async Task<JsonObject?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
