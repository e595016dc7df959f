using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Direct Line 3.0 activities: post (JSON), upload (multipart with photos) and read by watermark (polling).
/// A posted message is logged in the conversation and handed to the inbox as the token's user.
/// </summary>
internal static class DirectLineActivityEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(DirectLineConversationEndpoints.Prefix + "/conversations/{conversationId}")
            .RequireCors(WebChatOrigins.CorsPolicy).DisableAntiforgery().ExcludeFromDescription();
        group.MapPost("/activities", PostAsync).RequireRateLimiting(WebChatRateLimits.Posts);
        group.MapGet("/activities", ReadAsync).RequireRateLimiting(WebChatRateLimits.Reads);
        group.MapPost("/upload", WebChatUploadEndpoint.UploadAsync).RequireRateLimiting(WebChatRateLimits.Posts);
    }

    private static async Task<IResult> ReadAsync(HttpRequest request, string conversationId, string? watermark,
        WebChatKey key, WebChatTokens tokens, WebChatLog log, CancellationToken ct)
    {
        if (DirectLineCaller.From(request, key, tokens, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        return caller.Reaches(conversationId)
            ? Results.Text((await log.ReadAsync(conversationId, watermark, ct)).ToJson(DirectLineConversationEndpoints.Origin(request)).ToJsonString(), "application/json")
            : DirectLineErrors.NotThisConversation();
    }

    private static async Task<IResult> PostAsync(HttpRequest request, string conversationId, WebChatKey key, WebChatTokens tokens,
        IOptions<WebChatOptions> options, WebChatInbound inbound, CancellationToken ct)
    {
        if (DirectLineCaller.From(request, key, tokens, out var refusal) is not { Token: { } claims })
        {
            return refusal ?? DirectLineErrors.BadRequest("Post activities with a conversation token.");
        }

        if (claims.ConversationId != conversationId)
        {
            return DirectLineErrors.NotThisConversation();
        }

        var body = await ReadCappedAsync(request.Body, request.ContentLength, options.Value.MaxActivityBytes, ct);
        if (body is null)
        {
            return DirectLineErrors.TooLarge($"An activity may be at most {options.Value.MaxActivityBytes} bytes.");
        }

        var activity = Parse(body);
        return await inbound.RefusalAsync(claims, activity, ct) ?? await inbound.AcceptAsync(claims, activity!, [], ct);
    }

    internal static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static async Task<string?> ReadCappedAsync(Stream stream, long? declaredLength, int maxBytes, CancellationToken ct)
    {
        if (declaredLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
