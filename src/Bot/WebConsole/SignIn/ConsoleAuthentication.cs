using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.WebConsole.SignIn;

/// <summary>
/// The console's session: an HttpOnly, SameSite=Strict cookie (Secure outside Development) that names the official and
/// carries the key of a row in the session table (<see cref="ConsoleSessions"/>). Every request checks that row (one
/// primary-key read, in the database, so a revocation reaches every host); a cookie whose row is missing, revoked or
/// idle past the lifetime is refused. Its roles are re-read from the directory every
/// <see cref="ConsoleOptions.RecheckAfter"/>: when the official's posts end (or their administrator entry is removed),
/// all their sessions are revoked.
/// </summary>
internal static partial class ConsoleAuthentication
{
    public const string Scheme = "ResidentBot.Console";
    public const string CheckedClaim = "rb:checked";
    public const string LanguageClaim = "rb:lang";
    public const string SessionClaim = "rb:sid";

    public static IServiceCollection AddConsoleAuthentication(this IServiceCollection services, bool development)
    {
        services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = Scheme;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = ConsoleLinks.PagePath;
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            cookie.Events.OnValidatePrincipal = ValidateAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IOptions<ConsoleOptions>>((cookie, console) =>
            cookie.ExpireTimeSpan = console.Value.SessionLifetime);
        return services;
    }

    public static ClaimsPrincipal Principal(int officialId, string title, string language, IEnumerable<string> roles, DateTimeOffset now, string sessionKey) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, officialId.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, title),
            new Claim(LanguageClaim, language),
            new Claim(SessionClaim, sessionKey),
            new Claim(CheckedClaim, now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            .. roles.Select(r => new Claim(ClaimTypes.Role, r)),
        ], Scheme));

    public static int? OfficialId(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: Scheme }
        && int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The session key the principal carries (null for a principal of another scheme).</summary>
    public static string? SessionKey(ClaimsPrincipal user) =>
        OfficialId(user) is null ? null : user.FindFirstValue(SessionClaim);

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var principal = context.Principal!;
        var checkedAt = long.TryParse(principal.FindFirstValue(CheckedClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.MinValue;
        var key = principal.FindFirstValue(SessionClaim);
        // A cookie from before the session table has no key: it is refused like a revoked one (the official signs in again).
        var session = OfficialId(principal) is not null && key is not null
            ? await services.GetRequiredService<ConsoleSessions>().FindAsync(key, http.RequestAborted) : null;
        if (session is null || session.OfficialId != OfficialId(principal) || now - session.LastSeenAt > options.SessionLifetime + ConsoleSessions.LastSeenResolution)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(Scheme);
            return;
        }

        var officialId = session.OfficialId;
        var writes = services.GetRequiredService<Shell.ConsoleWrites>();
        if (now - session.LastSeenAt >= ConsoleSessions.LastSeenResolution)
        {
            await writes.RunAsync(async (inner, _, ct) =>
            {
                await inner.GetRequiredService<ConsoleSessions>().TouchAsync(session.Id, ct);
                return true;
            }, http.RequestAborted);
        }

        if (now - checkedAt < options.RecheckAfter)
        {
            return;
        }

        var roles = await services.GetRequiredService<ConsoleRoles>().OfAsync(officialId, http.RequestAborted);
        if (roles.Count == 0)
        {
            LogRevoked(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleAuthentication)), officialId);
            // Every session of the official, not only this browser's: the others would be refused at their own recheck,
            // but the sessions page and the table should say at once that they are over.
            await writes.RunAsync((inner, _, ct) => inner.GetRequiredService<ConsoleSessions>().RevokeAllAsync(officialId, ct), http.RequestAborted);
            context.RejectPrincipal();
            await http.SignOutAsync(Scheme);
            return;
        }

        context.ReplacePrincipal(Principal(officialId, principal.FindFirstValue(ClaimTypes.Name) ?? string.Empty,
            principal.FindFirstValue(LanguageClaim) ?? Resources.Texts.Vietnamese, roles, now, key!));
        context.ShouldRenew = true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Console sessions of official {OfficialId} ended: no post or administrator entry any more")]
    private static partial void LogRevoked(ILogger logger, int officialId);
}
