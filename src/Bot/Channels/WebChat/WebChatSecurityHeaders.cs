using Microsoft.AspNetCore.Http;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Response headers of the web chat's pages and files. Pages get a Content-Security-Policy that allows only this
/// host's own scripts, styles, images and connections (the pages have no inline script or style) and lets only this
/// host and the allowed origins frame them; every response says <c>nosniff</c>; a stored photo is sandboxed, so
/// even a file that a browser mistook for HTML could run nothing.
/// </summary>
internal static class WebChatSecurityHeaders
{
    public const string PhotoPolicy = "default-src 'none'; img-src 'self'; sandbox";

    public static void NoSniff(HttpResponse response) => response.Headers.XContentTypeOptions = "nosniff";

    public static void Page(HttpResponse response, WebChatOrigins origins)
    {
        NoSniff(response);
        response.Headers.ContentSecurityPolicy = PagePolicy(origins);
        response.Headers["Referrer-Policy"] = "same-origin";
    }

    public static void Photo(HttpResponse response)
    {
        NoSniff(response);
        response.Headers.ContentSecurityPolicy = PhotoPolicy;
    }

    internal static string PagePolicy(WebChatOrigins origins) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
        + "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        + $"frame-ancestors {string.Join(' ', ["'self'", .. origins.Listed])}";
}
