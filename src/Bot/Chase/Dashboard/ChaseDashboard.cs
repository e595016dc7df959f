using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Chase.Dashboard;

internal static class ChaseDashboard
{
    public const string Path = "/hangfire";

    /// <summary>
    /// Maps the Hangfire dashboard behind HTTP Basic for the configured administrator. Without configured
    /// credentials it is not mapped at all (404) — no "local requests are fine" default, since a reverse proxy
    /// makes every request look local — except in Development, where the first-run tour shows it to requests
    /// from this machine only.
    /// </summary>
    public static WebApplication MapChaseDashboard(this WebApplication app)
    {
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
