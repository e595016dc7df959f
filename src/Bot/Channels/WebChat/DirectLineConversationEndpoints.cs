using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>Direct Line 3.0 tokens and conversations: generate, refresh, start, reconnect.</summary>
internal static class DirectLineConversationEndpoints
{
    public const string Prefix = "/v3/directline";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).RequireCors(WebChatOrigins.CorsPolicy).DisableAntiforgery().ExcludeFromDescription();
        group.MapPost("/tokens/generate", Generate).RequireRateLimiting(WebChatRateLimits.Tokens);
        group.MapPost("/tokens/refresh", Refresh).RequireRateLimiting(WebChatRateLimits.Reads);
        group.MapPost("/conversations", StartAsync).RequireRateLimiting(WebChatRateLimits.Tokens);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync).RequireRateLimiting(WebChatRateLimits.Reads);
    }

    /// <summary>
    /// A new anonymous web user with their conversation. Like a Telegram private chat, the conversation id is the
    /// user id, so whatever addresses a resident or official by their user id (ResidentInbox) reaches their chat.
    /// </summary>
    public static (string ConversationId, string UserId) NewConversation()
    {
        var id = "dl_" + WebChatKey.Base64Url(RandomNumberGenerator.GetBytes(18));
        return (id, id);
    }

    public static object TokenResponse(string conversationId, string token, WebChatTokens tokens) =>
        new { conversationId, token, expires_in = (int)tokens.Lifetime.TotalSeconds };

    private static IResult Generate(HttpRequest request, WebChatKey key, WebChatTokens tokens)
    {
        if (DirectLineCaller.From(request, key, tokens, out var refusal) is not { IsSecretHolder: true })
        {
            return refusal ?? DirectLineErrors.Forbidden("BadArgument", "Only the secret can generate tokens.");
        }

        var (conversationId, userId) = NewConversation();
        return Results.Ok(TokenResponse(conversationId, tokens.Issue(conversationId, userId), tokens));
    }

    private static IResult Refresh(HttpRequest request, WebChatKey key, WebChatTokens tokens)
    {
        if (DirectLineCaller.From(request, key, tokens, out var refusal) is not { Token: { } claims })
        {
            return refusal ?? DirectLineErrors.BadRequest("Refresh needs a token, not the secret.");
        }

        return Results.Ok(TokenResponse(claims.ConversationId, tokens.Issue(claims.ConversationId, claims.UserId), tokens));
    }

    private static async Task<IResult> StartAsync(HttpContext http, WebChatKey key, WebChatTokens tokens, WebChatLog log, CancellationToken ct)
    {
        if (DirectLineCaller.From(http.Request, key, tokens, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        var (conversationId, userId) = caller.Token is { } claims ? (claims.ConversationId, claims.UserId) : NewConversation();
        if (!await log.EnsureAsync(conversationId, userId, ct))
        {
            return DirectLineErrors.NotThisConversation();
        }

        return Results.Json(ConversationResponse(http, conversationId, userId, tokens), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ReconnectAsync(HttpContext http, string conversationId, string? watermark,
        WebChatKey key, WebChatTokens tokens, WebChatLog log, CancellationToken ct)
    {
        if (DirectLineCaller.From(http.Request, key, tokens, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        if (!caller.Reaches(conversationId))
        {
            return DirectLineErrors.NotThisConversation();
        }

        var conversation = await log.FindAsync(conversationId, ct);
        if (conversation is null)
        {
            return DirectLineErrors.Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found.");
        }

        return Results.Ok(ConversationResponse(http, conversationId, conversation.UserId, tokens, watermark));
    }

    /// <summary>This host as the client reached it (scheme, host, path base), for absolute URLs in what it reads.</summary>
    internal static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static object ConversationResponse(HttpContext http, string conversationId, string userId, WebChatTokens tokens, string? watermark = null)
    {
        var token = tokens.Issue(conversationId, userId);
        var scheme = http.Request.IsHttps ? "wss" : "ws";
        var streamUrl = $"{scheme}://{http.Request.Host}{http.Request.PathBase}{Prefix}/conversations/{Uri.EscapeDataString(conversationId)}/stream"
            + $"?watermark={Uri.EscapeDataString(watermark ?? string.Empty)}&t={Uri.EscapeDataString(token)}";
        return new { conversationId, token, expires_in = (int)tokens.Lifetime.TotalSeconds, streamUrl, referenceGrammarId = (string?)null };
    }
}
