using Hangfire.Dashboard;

namespace ResidentBot.Bot.Chase.Dashboard;

/// <summary>Admits the operator signed in through <see cref="DashboardSignIn"/>; Hangfire answers 401 to anyone else.</summary>
internal sealed class SignedInDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => DashboardSignIn.IsSignedIn(context.GetHttpContext());
}
