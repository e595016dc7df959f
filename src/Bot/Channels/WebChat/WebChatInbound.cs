using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Accepts one activity a web user posted: checks it (before any uploaded file is stored), keeps a bounded copy in
/// the conversation's log that is echoed to the client with the id the POST answers (attributed to the token's user,
/// whatever <c>from</c> the client wrote) and hands the message to the inbox.
/// </summary>
internal sealed class WebChatInbound(WebChatLog log, IInboundSink sink, IOptions<WebChatOptions> options, ILogger<WebChatInbound> logger)
{
    /// <summary>Why the activity cannot be accepted, or null when it can (then its files may be stored).</summary>
    public async Task<IResult?> RefusalAsync(TokenClaims claims, JsonObject? activity, CancellationToken ct)
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

        if (IsKept(activity) && (await log.FindAsync(claims.ConversationId, ct) is not { } conversation || conversation.UserId != claims.UserId))
        {
            return DirectLineErrors.NotThisConversation();
        }

        return null;
    }

    /// <summary>Logs and hands on an activity that <see cref="RefusalAsync"/> accepted.</summary>
    public async Task<IResult> AcceptAsync(TokenClaims claims, JsonObject activity, IReadOnlyList<InboundFile> photos, CancellationToken ct)
    {
        if (!IsKept(activity))
        {
            // Typing indicators and other client events are acknowledged, not kept: nothing in the core reads them.
            return Results.Ok(new { id = $"{claims.ConversationId}|-" });
        }

        var echo = WebChatEcho.Of(activity, claims.UserId, photos);
        var carrier = WebChatInboundMapper.ButtonData(echo) is { } data ? await log.FindButtonCarrierAsync(claims.ConversationId, data, ct) : null;
        var id = await log.AppendAsync(claims.ConversationId, echo, ct);

        // A page that joins a conversation with a history (a reload with a new token, the demo's official pane) is not greeted again.
        var rejoin = WebChatInboundMapper.IsJoin(echo) && id != WebChatLog.ActivityId(claims.ConversationId, 1);
        if (!rejoin && WebChatInboundMapper.Map(echo, id, claims.ConversationId, claims.UserId, photos, carrier) is { } message)
        {
            await sink.AcceptAsync(message, echo.ToJsonString(), ct);
            logger.LogDebug("Web chat activity {ActivityId} ({Kind}) accepted", id, message.Kind);
        }

        return Results.Ok(new { id });
    }

    /// <summary>Messages, and the page's own events that stand for commands (<see cref="WebChatInboundMapper.IsPageEvent"/>).</summary>
    private static bool IsKept(JsonObject activity) =>
        activity["type"] is JsonValue v && v.TryGetValue<string>(out var type) && (type == "message" || WebChatInboundMapper.IsPageEvent(activity));
}
