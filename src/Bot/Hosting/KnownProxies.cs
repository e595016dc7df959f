using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Hosting;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy: the client's address (which the web chat's rate limits
/// key on) and scheme are taken from X-Forwarded-For / X-Forwarded-Proto, but only when the request comes from a
/// configured proxy (ASP.NET Core's forwarded headers middleware).
/// </summary>
internal static class KnownProxies
{
    public static IServiceCollection AddKnownProxies(this IServiceCollection services)
    {
        services.AddOptions<KnownProxiesOptions>().BindConfiguration(KnownProxiesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<KnownProxiesOptions>>((forwarded, known) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; here nothing is trusted unless configured.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in known.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in known.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's address.</summary>
    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
