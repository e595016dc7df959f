using System.Net;

namespace ResidentBot.Bot.Open311.Media;

/// <summary>Resolves a media host's name to its addresses (the system's DNS; tests give names of their own).</summary>
internal interface IMediaHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

internal sealed class DnsMediaHostResolver : IMediaHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);
}
