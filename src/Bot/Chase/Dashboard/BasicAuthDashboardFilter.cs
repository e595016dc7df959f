using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace ResidentBot.Bot.Chase.Dashboard;

/// <summary>HTTP Basic against the configured administrator, compared in constant time; everyone else gets 401.</summary>
internal sealed class BasicAuthDashboardFilter(string user, string password) : IDashboardAuthorizationFilter
{
    private readonly byte[] expected = Encoding.UTF8.GetBytes($"{user}:{password}");

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (IsAuthorized(http.Request.Headers.Authorization.ToString()))
        {
            return true;
        }

        // Hangfire answers 401 for a refused anonymous request; the header makes browsers ask for credentials.
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"ResidentBot jobs\", charset=\"UTF-8\"";
        return false;
    }

    private bool IsAuthorized(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromBase64String(header["Basic ".Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
