using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// <c>POST …/conversations/{id}/upload?userId=</c>: multipart with an optional <c>activity</c> part
/// (application/vnd.microsoft.activity) and one or more <c>file</c> parts, as botframework-directlinejs sends them.
/// The userId in the query is ignored: the sender is the token's user. The activity is checked before any file is
/// stored, so a refused upload leaves nothing behind; a malformed body is a 400 that says what is wrong.
/// </summary>
internal static class WebChatUploadEndpoint
{
    public static async Task<IResult> UploadAsync(HttpContext http, string conversationId, WebChatKey key, WebChatTokens tokens,
        IOptions<WebChatOptions> options, WebChatFiles files, WebChatInbound inbound, CancellationToken ct)
    {
        var request = http.Request;
        if (DirectLineCaller.From(request, key, tokens, out var refusal) is not { Token: { } claims })
        {
            return refusal ?? DirectLineErrors.BadRequest("Upload with a conversation token.");
        }

        if (claims.ConversationId != conversationId)
        {
            return DirectLineErrors.NotThisConversation();
        }

        var max = options.Value.MaxUploadBytes;
        var envelope = max + options.Value.MaxActivityBytes + (16 * 1024);
        if (request.ContentLength > envelope)
        {
            return DirectLineErrors.TooLarge($"An upload may be at most {max} bytes.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = envelope;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return DirectLineErrors.BadRequest("Expected multipart/form-data.");
        }

        if (HeaderUtilities.RemoveQuotes(contentType.Boundary).Length == 0)
        {
            return DirectLineErrors.BadRequest("The multipart/form-data content type has no boundary.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = envelope }, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return DirectLineErrors.TooLarge($"An upload may be at most {max} bytes.");
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            // IOException: the body ended before the closing boundary (a truncated upload).
            return DirectLineErrors.BadRequest($"The multipart body is incomplete or malformed: {ex.Message}");
        }

        var activityText = "{\"type\":\"message\"}";
        if (form.Files.GetFile("activity") is { } activityPart)
        {
            await using var stream = activityPart.OpenReadStream();
            activityText = await DirectLineActivityEndpoints.ReadCappedAsync(stream, activityPart.Length, options.Value.MaxActivityBytes, ct)
                ?? string.Empty;
        }
        else if (form.TryGetValue("activity", out var activityField))
        {
            activityText = activityField.ToString();
        }

        var parts = form.Files.Where(f => f.Name != "activity").ToList();
        if (parts.Count == 0)
        {
            return DirectLineErrors.BadRequest("No file in the upload.");
        }

        if (parts.Sum(p => p.Length) > max)
        {
            return DirectLineErrors.TooLarge($"An upload may be at most {max} bytes.");
        }

        var activity = DirectLineActivityEndpoints.Parse(activityText);
        if (activity is not null)
        {
            activity.Remove("attachments");
            activity["type"] = "message";
        }

        if (await inbound.RefusalAsync(claims, activity, ct) is { } refused)
        {
            return refused;
        }

        var quota = options.Value.MaxUploadBytesPerConversationPerDay;
        if (await files.BytesUploadedTodayAsync(claims.ConversationId, ct) + parts.Sum(p => p.Length) > quota)
        {
            return DirectLineErrors.TooLarge($"This conversation has uploaded its {quota} bytes of photos for the last 24 hours.");
        }

        if (await files.SaveImagesAsync(parts, max, claims.ConversationId, ct) is not { } photos)
        {
            return DirectLineErrors.Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument",
                $"Only JPEG, PNG, GIF or WebP photos up to {max} bytes in all.");
        }

        return await inbound.AcceptAsync(claims, activity!, photos, ct);
    }
}
