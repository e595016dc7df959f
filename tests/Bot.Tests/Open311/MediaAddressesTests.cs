using System.Net;
using ResidentBot.Bot.Open311.Media;

namespace ResidentBot.Bot.Tests.Open311;

/// <summary>Which addresses a media fetch may connect to: public unicast ones, however an IPv6 form dresses a refused IPv4 one.</summary>
public sealed class MediaAddressesTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.5.4")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("224.0.0.251")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::5")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::10.0.0.1")]
    [InlineData("2002:a00:1::")]
    [InlineData("2002:a9fe:a9fe::1")]
    [InlineData("64:ff9b::c0a8:101")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")]
    public void Loopback_private_link_local_multicast_unspecified_and_their_ipv6_forms_are_refused(string address) =>
        Assert.False(MediaAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("203.162.4.190")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2002:808:808::1")]
    [InlineData("2606:4700:4700::1111")]
    public void Public_addresses_are_allowed(string address) => Assert.True(MediaAddresses.IsPublic(IPAddress.Parse(address)));
}
