using Microsoft.AspNetCore.Http;
using ResidentBot.Bot.Attachments;
using Microsoft.Extensions.FileProviders;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// The resident page at <c>/</c>, its assets under <c>/webchat/</c>, uploaded photos under <c>/webchat/files/</c>, stored
/// photos (<see cref="AttachmentStore"/>) under <c>/webchat/attachments/</c>, and
/// <c>POST /webchat/token</c>, which gives a token for a new anonymous web user to the page itself or to a page of an
/// allowed origin (the secret never reaches a browser).
/// </summary>
internal static class WebChatPageEndpoints
{
    public static void Map(WebApplication app, PhysicalFileProvider files)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(files.Root, "webchat")),
            RequestPath = "/webchat",
            OnPrepareResponse = context => WebChatSecurityHeaders.NoSniff(context.Context.Response),
        });
        app.MapGet("/", (HttpResponse response, WebChatOrigins origins) => Page(files, "index.html", response, origins)).ExcludeFromDescription();
        app.MapPost("/webchat/token", IssuePageToken).RequireCors(WebChatOrigins.CorsPolicy)
            .RequireRateLimiting(WebChatRateLimits.Tokens).DisableAntiforgery().ExcludeFromDescription();
        app.MapGet(WebChatFiles.UrlPath + "{name}", async (string name, HttpResponse response, WebChatFiles stored, CancellationToken ct) =>
        {
            WebChatSecurityHeaders.Photo(response);
            if (stored.InDatabase)
            {
                return Streamed(await stored.OpenStoredAsync(name, ct));
            }

            return stored.Open(name) is { } file ? Results.File(file.Path, file.ContentType, enableRangeProcessing: false) : Results.NotFound();
        }).ExcludeFromDescription();
        app.MapGet(WebChatSender.AttachmentUrlPath + "{name}", async (string name, HttpResponse response, AttachmentStore stored, CancellationToken ct) =>
        {
            WebChatSecurityHeaders.Photo(response);
            if (stored.InDatabase)
            {
                return Streamed(await stored.OpenByNameAsync(name, ct));
            }

            return stored.OpenByName(name) is { } file ? Results.File(file.Path, file.ContentType, enableRangeProcessing: false) : Results.NotFound();
        }).ExcludeFromDescription();
    }

    // A photo kept in the database, streamed from it (any host serves it); the stream is disposed once sent.
    private static IResult Streamed(AttachmentContent? photo) =>
        photo is null ? Results.NotFound() : Results.Stream(photo.Content, photo.ContentType);

    internal static IResult Page(IFileProvider files, string name, HttpResponse response, WebChatOrigins origins)
    {
        WebChatSecurityHeaders.Page(response, origins);
        var file = files.GetFileInfo(name);
        return file.Exists && file.PhysicalPath is { } path ? Results.File(path, "text/html; charset=utf-8") : Results.NotFound();
    }

    private static IResult IssuePageToken(HttpRequest request, WebChatTokens tokens, WebChatOrigins origins)
    {
        if (!origins.Allows(request))
        {
            return DirectLineErrors.Forbidden("BadArgument", "Tokens are only issued to the page itself and to pages of the allowed origins.");
        }

        var (conversationId, userId) = DirectLineConversationEndpoints.NewConversation();
        return Results.Ok(DirectLineConversationEndpoints.TokenResponse(conversationId, tokens.Issue(conversationId, userId), tokens));
    }
}
