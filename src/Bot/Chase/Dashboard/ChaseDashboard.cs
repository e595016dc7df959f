using Hangfire;
using Microsoft.AspNetCore.Authentication;
using ResidentBot.Bot.WebConsole.SignIn;

namespace ResidentBot.Bot.Chase.Dashboard;

internal static class ChaseDashboard
{
    public const string Path = "/hangfire";

    /// <summary>
    /// Antiforgery for the dashboard: Hangfire's ASP.NET Core middleware validates every dashboard POST with the
    /// registered <see cref="Microsoft.AspNetCore.Antiforgery.IAntiforgery"/> and puts the token in the pages it serves;
    /// the token's cookie is SameSite=Strict, like the console's session.
    /// </summary>
    public static IServiceCollection AddChaseDashboard(this IServiceCollection services) =>
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ResidentBot.Antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

    /// <summary>
    /// Maps the Hangfire dashboard for the web console's administrators (<see cref="ConsoleRoles.Administrator"/>, signed
    /// in through the bot's /web or the <c>console-link</c> verb); it has no password of its own. A page asked without a
    /// console session redirects to the console's sign-in, an action without one gets 401, and a signed-in official who
    /// is not an administrator gets 403. A POST a browser marks as cross-site is refused before anything else, and one
    /// without the dashboard page's antiforgery token by Hangfire. There is no "local requests are fine" exception, not
    /// even in Development: behind a reverse proxy every request looks local.
    /// </summary>
    public static WebApplication MapChaseDashboard(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path), dashboard => dashboard.Use(async (http, next) =>
        {
            if (CrossSiteRequests.IsRefused(http.Request))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            // The dashboard is middleware, not an endpoint, so no [Authorize] runs for it: the console's scheme is asked here.
            var session = await http.AuthenticateAsync(ConsoleAuthentication.Scheme);
            if (!session.Succeeded || session.Principal is not { } principal)
            {
                if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                {
                    await http.ChallengeAsync(ConsoleAuthentication.Scheme);
                }
                else
                {
                    http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }

                return;
            }

            if (!principal.IsInRole(ConsoleRoles.Administrator))
            {
                await http.ForbidAsync(ConsoleAuthentication.Scheme);
                return;
            }

            http.User = principal;
            http.Response.Headers.XFrameOptions = "DENY";
            await next(http);
        }));

        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new AdministratorDashboardFilter()],
            DisplayStorageConnectionString = false,
            // Hangfire's "back to site" link leads to the console's administration page.
            AppPath = "/console/admin",
        });
        return app;
    }
}
