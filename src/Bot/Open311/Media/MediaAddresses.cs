using System.Net;
using System.Net.Sockets;

namespace ResidentBot.Bot.Open311.Media;

/// <summary>
/// Which addresses a fetch of a client's <c>media_url</c> may connect to: public unicast ones only. Refused are
/// loopback, private (RFC 1918, unique-local), shared (CGNAT), link-local (169.254.169.254 is a cloud's metadata
/// service), multicast, unspecified, broadcast and reserved ranges, and the IPv6 forms that carry an IPv4 address
/// (IPv4-mapped, IPv4-compatible, 6to4, NAT64) when the address they carry is refused. Teredo is refused whole: the
/// address it carries is obscured.
/// </summary>
internal static class MediaAddresses
{
    private static readonly IPNetwork[] Refused =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
            "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "100::/64", "2001::/32", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(n => IPNetwork.Parse(n)),
    ];

    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork Compatible = IPNetwork.Parse("::/96");

    /// <summary>Whether <paramref name="address"/> is a public unicast address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && Embedded(address) is { } carried)
        {
            return IsPublic(carried);
        }

        return address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 && !Refused.Any(n => n.Contains(address));
    }

    /// <summary>The IPv4 address an IPv6 form carries (mapped, compatible, 6to4, NAT64), if it is one of those.</summary>
    public static IPAddress? Embedded(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (SixToFour.Contains(address))
        {
            return new IPAddress(bytes.AsSpan(2, 4));
        }

        // ::/96 holds :: and ::1 (refused as they are) and the deprecated IPv4-compatible addresses.
        return (Nat64.Contains(address) || (Compatible.Contains(address) && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback)))
            ? new IPAddress(bytes.AsSpan(12, 4))
            : null;
    }
}
