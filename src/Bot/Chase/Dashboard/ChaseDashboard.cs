using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Chase.Dashboard;

internal static class ChaseDashboard
{
    public const string Path = "/hangfire";

    /// <summary>
    /// Antiforgery for the dashboard: Hangfire's ASP.NET Core middleware validates every dashboard POST with the
    /// registered <see cref="Microsoft.AspNetCore.Antiforgery.IAntiforgery"/> (its cookie is SameSite=Strict, so a
    /// foreign page can neither read the token nor send the cookie) and puts the token in the pages it serves.
    /// </summary>
    public static IServiceCollection AddChaseDashboard(this IServiceCollection services) =>
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ResidentBot.Dashboard.Antiforgery";
            options.Cookie.Path = Path;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

    /// <summary>
    /// Maps the Hangfire dashboard behind HTTP Basic for the configured administrator. A POST that a browser
    /// marks as cross-site is refused before Hangfire sees it. Without configured
    /// credentials it is not mapped at all (404) — no "local requests are fine" default, since a reverse proxy
    /// makes every request look local — except in Development, where the first-run tour shows it to requests
    /// from this machine only.
    /// </summary>
    public static WebApplication MapChaseDashboard(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path), dashboard => dashboard.Use((http, next) =>
        {
            if (CrossSiteRequests.IsRefused(http.Request))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            return next(http);
        }));
        var options = app.Services.GetRequiredService<IOptions<ChaseOptions>>().Value;
        if (string.IsNullOrEmpty(options.DashboardUser) || string.IsNullOrEmpty(options.DashboardPassword))
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

        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new BasicAuthDashboardFilter(options.DashboardUser, options.DashboardPassword)],
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}
