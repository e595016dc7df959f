using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Chase.Dashboard;

internal static class ChaseDashboard
{
    public const string Path = "/hangfire";

    /// <summary>
    /// The operator's sign-in (a SameSite=Strict cookie) and antiforgery: Hangfire's ASP.NET Core middleware validates
    /// every dashboard POST with the registered <see cref="Microsoft.AspNetCore.Antiforgery.IAntiforgery"/> and puts
    /// the token in the pages it serves; the token's cookie is SameSite=Strict too.
    /// </summary>
    public static IServiceCollection AddChaseDashboard(this IServiceCollection services) =>
        services
            .AddDashboardSignIn()
            .AddAntiforgery(options =>
            {
                options.Cookie.Name = "ResidentBot.Antiforgery";
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });

    /// <summary>
    /// Maps the Hangfire dashboard for the configured operator, who signs in at <see cref="DashboardSignIn.PagePath"/>.
    /// A POST that a browser marks as cross-site is refused before Hangfire sees it, and one without the dashboard
    /// page's antiforgery token by Hangfire. Without configured credentials it is not mapped at all (404) — no "local
    /// requests are fine" default, since a reverse proxy makes every request look local — except in Development,
    /// where the first-run tour shows it to requests from this machine only.
    /// </summary>
    public static WebApplication MapChaseDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ChaseOptions>>().Value;
        var signIn = !string.IsNullOrEmpty(options.DashboardUser) && !string.IsNullOrEmpty(options.DashboardPassword);
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path), dashboard => dashboard.Use((http, next) =>
        {
            if (CrossSiteRequests.IsRefused(http.Request))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            if (signIn && !DashboardSignIn.IsSignedIn(http) && HttpMethods.IsGet(http.Request.Method))
            {
                http.Response.Redirect(DashboardSignIn.PagePath);
                return Task.CompletedTask;
            }

            return next(http);
        }));

        if (!signIn)
        {
            if (app.Environment.IsDevelopment())
            {
                app.UseHangfireDashboard(Path, new DashboardOptions
                {
                    Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
                    DisplayStorageConnectionString = false,
                });
            }

            return app;
        }

        app.MapDashboardSignIn(options.DashboardUser!, options.DashboardPassword!);
        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new SignedInDashboardFilter()],
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}
