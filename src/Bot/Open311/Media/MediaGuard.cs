using System.Net;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Open311.Media;

/// <summary>
/// The checks a client's <c>media_url</c> passes before and while it is fetched: the link (https, or http where
/// allowed; no user name or password; a host of <see cref="Open311Options.MediaHosts"/>) and every address its host
/// resolves to (public, or within <see cref="Open311Options.MediaTrustedNetworks"/>). A refusal is final: the same
/// link would be refused again.
/// </summary>
internal sealed class MediaGuard(IOptions<Open311Options> options)
{
    private readonly HashSet<string> hosts = new(options.Value.MediaHosts.Select(h => h.Trim().TrimEnd('.')), StringComparer.OrdinalIgnoreCase);
    private readonly IPNetwork[] trusted = [.. options.Value.MediaTrustedNetworks.Select(n => n.Trim()).Select(Network)];

    /// <summary>Whether any host is allowed: without one, nothing is ever fetched.</summary>
    public bool FetchesAny => hosts.Count > 0;

    /// <summary>Why the link may not be fetched, or null.</summary>
    public string? Check(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && options.Value.MediaAllowHttp)))
        {
            return options.Value.MediaAllowHttp ? "only http and https links are fetched" : "only https links are fetched";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "a link with a user name or password is not fetched";
        }

        return hosts.Contains(uri.IdnHost.TrimEnd('.')) ? null : $"host {Clip(uri.IdnHost)} is not in Open311:MediaHosts";
    }

    /// <summary>Why a connection to <paramref name="address"/> is refused, or null.</summary>
    public string? Check(string host, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return MediaAddresses.IsPublic(address) || trusted.Any(n => n.Contains(plain))
            ? null
            : $"{Clip(host)} resolves to {address}, a loopback, private, link-local, multicast or reserved address";
    }

    private static IPNetwork Network(string text) =>
        IPNetwork.TryParse(text, out var network) ? network : new IPNetwork(IPAddress.Parse(text), IPAddress.Parse(text).GetAddressBytes().Length * 8);

    private static string Clip(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
