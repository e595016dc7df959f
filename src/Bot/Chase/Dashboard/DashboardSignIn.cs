using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;
using ResidentBot.Bot.Resources;

namespace ResidentBot.Bot.Chase.Dashboard;

/// <summary>
/// The operator signs in to the dashboard with a form, which sets an HttpOnly, SameSite=Strict cookie. Unlike HTTP
/// Basic, which a browser attaches to any request to the host, even one a foreign page makes, this cookie is never
/// sent with a request that another site starts; the form itself carries an antiforgery token.
/// </summary>
internal static class DashboardSignIn
{
    // Escapes what HTML gives meaning to and leaves Vietnamese letters readable in the page source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public const string Scheme = "ResidentBot.Dashboard";
    public const string PagePath = "/dashboard/sign-in";

    /// <summary>Sign-in attempts one client address may make per minute; beyond, 429 whatever the password.</summary>
    public const int AttemptsPerMinute = 10;

    public static IServiceCollection AddDashboardSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = Scheme;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = PagePath;
        });
        return services;
    }

    public static bool IsSignedIn(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, AuthenticationType: Scheme };

    public static void MapDashboardSignIn(this WebApplication app, string user, string password)
    {
        var expected = Hash(user, password);
        app.UseWhen(http => HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals(PagePath, StringComparison.OrdinalIgnoreCase),
            attempts => attempts.UseRateLimiter(AttemptLimit()));
        app.MapGet(PagePath, (HttpContext http, IAntiforgery antiforgery) => Page(http, antiforgery, failed: false))
            .ExcludeFromDescription();
        app.MapPost(PagePath, async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (CrossSiteRequests.IsRefused(http.Request) || !await antiforgery.IsRequestValidAsync(http))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (!CryptographicOperations.FixedTimeEquals(Hash(form["user"].ToString(), form["password"].ToString()), expected))
            {
                return Page(http, antiforgery, failed: true);
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], Scheme);
            await http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
            return Results.Redirect(ChaseDashboard.Path);
        }).DisableAntiforgery().ExcludeFromDescription(); // validated above, with the cross-site check first
    }

    // Guessing the password is slowed to a few tries a minute per address (the real one, behind configured proxies).
    private static RateLimiterOptions AttemptLimit() => new()
    {
        RejectionStatusCode = StatusCodes.Status429TooManyRequests,
        GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = AttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })),
    };

    // Hashing first makes the constant-time comparison independent of the lengths typed.
    private static byte[] Hash(string user, string password) => SHA256.HashData(Encoding.UTF8.GetBytes(user + "\n" + password));

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, bool failed)
    {
        var language = Texts.Normalize(http.Request.Headers.AcceptLanguage.ToString().Split(',')[0]);
        string T(string key) => Html.Encode(Texts.Get(language, key));
        var tokens = antiforgery.GetAndStoreTokens(http);
        var error = failed ? $"<p role=\"alert\">{T("Dashboard.SignIn.Failed")}</p>" : string.Empty;
        var html = $$"""
            <!doctype html>
            <html lang="{{language}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{T("Dashboard.SignIn.Title")}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}label,input,button{display:block;width:100%;box-sizing:border-box;margin:.4rem 0}input,button{padding:.5rem;font-size:1rem}[role=alert]{color:#b00020}</style>
            </head><body>
            <h1>{{T("Dashboard.SignIn.Title")}}</h1>
            {{error}}
            <form method="post" action="{{PagePath}}">
            <input type="hidden" name="{{Html.Encode(tokens.FormFieldName)}}" value="{{Html.Encode(tokens.RequestToken ?? string.Empty)}}">
            <label>{{T("Dashboard.SignIn.User")}}<input name="user" autocomplete="username" required autofocus></label>
            <label>{{T("Dashboard.SignIn.Password")}}<input name="password" type="password" autocomplete="current-password" required></label>
            <button>{{T("Dashboard.SignIn.Submit")}}</button>
            </form></body></html>
            """;
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
