namespace ResidentBot.Bot.Chase.Dashboard;

/// <summary>
/// Refuses a state-changing dashboard request that a browser says came from another site. The sign-in cookie is
/// SameSite=Strict and every action needs the antiforgery token; this third guard needs neither to hold.
/// </summary>
internal static class CrossSiteRequests
{
    /// <summary>True when <paramref name="request"/> changes state and a browser marked it as coming from elsewhere.</summary>
    public static bool IsRefused(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return false;
        }

        // Every current browser sends Sec-Fetch-Site; "none" is a request the user typed or bookmarked.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }

        // An older browser: its Origin must name this host. Only the host name is compared, since a TLS-ending
        // proxy changes the scheme and port the host sees.
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
               || !string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase);
    }
}
