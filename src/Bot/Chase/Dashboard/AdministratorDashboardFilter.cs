using Hangfire.Dashboard;
using ResidentBot.Bot.WebConsole.SignIn;

namespace ResidentBot.Bot.Chase.Dashboard;

/// <summary>
/// Admits a console administrator, whom <see cref="ChaseDashboard"/>'s gate authenticated; Hangfire refuses anyone else.
/// A second lock, so the dashboard stays closed even if it were ever mapped without the gate.
/// </summary>
internal sealed class AdministratorDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return ConsoleAuthentication.OfficialId(user) is not null && user.IsInRole(ConsoleRoles.Administrator);
    }
}
