using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// <c>POST …/conversations/{id}/upload?userId=</c>: multipart with an optional <c>activity</c> part
/// (application/vnd.microsoft.activity) and one or more <c>file</c> parts, as botframework-directlinejs sends them.
/// The userId in the query is ignored: the sender is the token's user.
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

        if (!request.HasFormContentType)
        {
            return DirectLineErrors.BadRequest("Expected multipart/form-data.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = envelope }, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return DirectLineErrors.TooLarge($"An upload may be at most {max} bytes.");
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

        var photos = new List<InboundFile>();
        foreach (var part in form.Files.Where(f => f.Name != "activity"))
        {
            await using var stream = part.OpenReadStream();
            if (await files.SaveAsync(stream, max - photos.Sum(p => p.SizeBytes ?? 0), ct) is not { } saved)
            {
                return DirectLineErrors.Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument",
                    $"Only JPEG, PNG, GIF or WebP photos up to {max} bytes in all.");
            }

            photos.Add(saved);
        }

        if (photos.Count == 0)
        {
            return DirectLineErrors.BadRequest("No file in the upload.");
        }

        var activity = DirectLineActivityEndpoints.Parse(activityText);
        if (activity is not null)
        {
            activity.Remove("attachments");
            activity["type"] = "message";
        }

        return await inbound.AcceptAsync(claims, activity, activityText, photos, ct);
    }
}
