using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// The resident page at <c>/</c>, its assets under <c>/webchat/</c>, uploaded photos under <c>/webchat/files/</c>, and
/// <c>POST /webchat/token</c>, which gives the page a token for a new anonymous web user (the secret never reaches it).
/// </summary>
internal static class WebChatPageEndpoints
{
    public static void Map(WebApplication app, PhysicalFileProvider files)
    {
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(files.Root, "webchat")), RequestPath = "/webchat" });
        app.MapGet("/", () => Page(files, "index.html")).ExcludeFromDescription();
        app.MapPost("/webchat/token", IssuePageToken).RequireRateLimiting(WebChatRateLimits.Tokens).DisableAntiforgery().ExcludeFromDescription();
        app.MapGet(WebChatFiles.UrlPath + "{name}", (string name, WebChatFiles stored) =>
            stored.Open(name) is { } file
                ? Results.File(file.Path, file.ContentType, enableRangeProcessing: false)
                : Results.NotFound()).ExcludeFromDescription();
    }

    internal static IResult Page(IFileProvider files, string name)
    {
        var file = files.GetFileInfo(name);
        return file.Exists && file.PhysicalPath is { } path ? Results.File(path, "text/html; charset=utf-8") : Results.NotFound();
    }

    /// <summary>Only the page itself (same origin) may ask; another site embeds the page in an iframe instead.</summary>
    internal static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return string.IsNullOrEmpty(origin)
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static IResult IssuePageToken(HttpRequest request, WebChatTokens tokens)
    {
        if (!IsSameOrigin(request))
        {
            return DirectLineErrors.Forbidden("BadArgument", "Tokens are only issued to the page itself.");
        }

        var (conversationId, userId) = DirectLineConversationEndpoints.NewConversation();
        return Results.Ok(DirectLineConversationEndpoints.TokenResponse(conversationId, tokens.Issue(conversationId, userId), tokens));
    }
}
