using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Accepts one activity a web user posted: checks it, keeps a clean copy in the conversation's log (attributed to
/// the token's user, whatever <c>from</c> the client wrote) and hands the message to the inbox.
/// </summary>
internal sealed class WebChatInbound(WebChatLog log, IInboundSink sink, IOptions<WebChatOptions> options, ILogger<WebChatInbound> logger)
{
    private static readonly string[] KeptFields = ["type", "name", "text", "locale", "value", "entities", "replyToId", "textFormat"];

    public async Task<IResult> AcceptAsync(TokenClaims claims, JsonObject? activity, string raw, IReadOnlyList<InboundFile> photos, CancellationToken ct)
    {
        if (activity is null)
        {
            return DirectLineErrors.BadRequest("The body is not an activity.");
        }

        var text = activity["text"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        if (text?.Length > options.Value.MaxTextLength)
        {
            return DirectLineErrors.TooLarge($"Text may be at most {options.Value.MaxTextLength} characters.");
        }

        var type = activity["type"] is JsonValue v && v.TryGetValue<string>(out var ty) ? ty : null;
        if (type != "message" && !WebChatInboundMapper.IsPageEvent(activity))
        {
            // Typing indicators and other client events are acknowledged, not kept: nothing in the core reads them.
            return Results.Ok(new { id = $"{claims.ConversationId}|-" });
        }

        if (await log.FindAsync(claims.ConversationId, ct) is not { } conversation || conversation.UserId != claims.UserId)
        {
            return DirectLineErrors.NotThisConversation();
        }

        var clean = Clean(activity, claims.UserId, photos);
        var id = await log.AppendAsync(claims.ConversationId, clean, ct);

        // A page that joins a conversation with a history (a reload with a new token, the demo's official pane) is not greeted again.
        var rejoin = WebChatInboundMapper.IsJoin(clean) && id != WebChatLog.ActivityId(claims.ConversationId, 1);
        if (!rejoin && WebChatInboundMapper.Map(clean, id, claims.ConversationId, claims.UserId, photos) is { } message)
        {
            await sink.AcceptAsync(message, raw, ct);
            logger.LogDebug("Web chat activity {ActivityId} ({Kind}) accepted", id, message.Kind);
        }

        return Results.Ok(new { id });
    }

    private static JsonObject Clean(JsonObject activity, string userId, IReadOnlyList<InboundFile> photos)
    {
        var clean = new JsonObject();
        foreach (var field in KeptFields)
        {
            if (activity[field] is { } node)
            {
                clean[field] = node.DeepClone();
            }
        }

        var name = activity["from"] is JsonObject from && from["name"] is JsonValue n && n.TryGetValue<string>(out var nm) ? nm : null;
        clean["from"] = new JsonObject { ["id"] = userId, ["name"] = name?.Length > 64 ? name[..64] : name, ["role"] = "user" };
        if (activity["channelData"] is JsonObject { } channelData && channelData["postBack"] is { } postBack)
        {
            clean["channelData"] = new JsonObject { ["postBack"] = postBack.DeepClone() };
        }

        if (WebChatInboundMapper.CanShareLocation(activity))
        {
            var kept = clean["channelData"] as JsonObject ?? [];
            kept["capabilities"] = new JsonObject { ["shareLocation"] = true };
            clean["channelData"] = kept;
        }

        if (photos.Count > 0)
        {
            clean["attachments"] = new JsonArray([.. photos.Select(p => (JsonNode)new JsonObject
            {
                ["contentType"] = p.ContentType,
                ["contentUrl"] = WebChatFiles.UrlOf(p.FileRef),
            })]);
        }

        return clean;
    }
}
