using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.WebConsole.SignIn;

/// <summary>
/// The console's session: an HttpOnly, SameSite=Strict cookie (Secure outside Development) that names the official.
/// Its roles are re-read from the directory every <see cref="ConsoleOptions.RecheckAfter"/>, so a session ends soon
/// after the official's posts end (or their administrator entry is removed).
/// </summary>
internal static partial class ConsoleAuthentication
{
    public const string Scheme = "ResidentBot.Console";
    public const string CheckedClaim = "rb:checked";
    public const string LanguageClaim = "rb:lang";

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

    public static ClaimsPrincipal Principal(int officialId, string title, string language, IEnumerable<string> roles, DateTimeOffset now) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, officialId.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, title),
            new Claim(LanguageClaim, language),
            new Claim(CheckedClaim, now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            .. roles.Select(r => new Claim(ClaimTypes.Role, r)),
        ], Scheme));

    public static int? OfficialId(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: Scheme }
        && int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var principal = context.Principal!;
        var checkedAt = long.TryParse(principal.FindFirstValue(CheckedClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.MinValue;
        if (OfficialId(principal) is not { } officialId)
        {
            context.RejectPrincipal();
            return;
        }

        if (now - checkedAt < options.RecheckAfter)
        {
            return;
        }

        var roles = await services.GetRequiredService<ConsoleRoles>().OfAsync(officialId, http.RequestAborted);
        if (roles.Count == 0)
        {
            LogRevoked(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleAuthentication)), officialId);
            context.RejectPrincipal();
            await http.SignOutAsync(Scheme);
            return;
        }

        context.ReplacePrincipal(Principal(officialId, principal.FindFirstValue(ClaimTypes.Name) ?? string.Empty,
            principal.FindFirstValue(LanguageClaim) ?? Resources.Texts.Vietnamese, roles, now));
        context.ShouldRenew = true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Console session of official {OfficialId} ended: no post or administrator entry any more")]
    private static partial void LogRevoked(ILogger logger, int officialId);
}
