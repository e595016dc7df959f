using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Which browser pages may use the web chat: the host's own origin and the origins an operator lists in
/// <see cref="WebChatOptions.AllowedOrigins"/>. ASP.NET Core's CORS policy answers preflights and sets the headers on
/// every Direct Line endpoint; WebSocket upgrades (which CORS does not cover) and page tokens are checked here.
/// </summary>
internal sealed class WebChatOrigins(IOptions<WebChatOptions> options)
{
    public const string CorsPolicy = "webchat";

    public IReadOnlyList<string> Listed { get; } = [.. options.Value.AllowedOrigins.Select(o => Normalize(o)!)];

    /// <summary>
    /// True for a request without an Origin (not from a browser page: a server, a native client), from the host's
    /// own origin, or from a listed origin.
    /// </summary>
    public bool Allows(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return string.IsNullOrEmpty(origin) || IsSameOrigin(request) || Listed.Contains(Normalize(origin), StringComparer.Ordinal);
    }

    /// <summary>Only the host's own pages (or no browser page at all).</summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return string.IsNullOrEmpty(origin)
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary><c>scheme://host[:port]</c> in lower case, or null when the text is not an http(s) origin.</summary>
    public static string? Normalize(string? origin) =>
        Uri.TryCreate(origin?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo)
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;

    public static void AddPolicy(CorsOptions cors, WebChatOptions settings) =>
        cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins([.. settings.AllowedOrigins.Select(o => Normalize(o)!)])
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .AllowAnyHeader()
            .WithExposedHeaders("Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
}
