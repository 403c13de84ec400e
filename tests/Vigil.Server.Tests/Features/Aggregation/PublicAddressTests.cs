using System.Net;
using Vigil.Server.Features.Aggregation;

namespace Vigil.Server.Tests.Features.Aggregation;

/// <summary>Which addresses Vigil may connect to when following a provider, at the edges of each special-purpose block.</summary>
public sealed class PublicAddressTests
{
    public static TheoryData<string> NotPublicV4 => new(
        "0.0.0.0", "0.1.2.3", "10.0.0.0", "10.255.255.255", "100.64.0.0", "100.127.255.255", "127.0.0.1", "127.255.255.254",
        "169.254.0.1", "169.254.169.254", "172.16.0.0", "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.88.99.1",
        "192.168.0.1", "192.168.255.255", "198.18.0.0", "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.1",
        "239.255.255.250", "240.0.0.1", "255.255.255.255");

    public static TheoryData<string> PublicV4 => new(
        "1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "126.255.255.255", "128.0.0.0",
        "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0", "192.0.1.0", "192.167.255.255", "192.169.0.0",
        "193.0.6.139", "198.17.255.255", "198.20.0.0", "223.255.255.255");

    [Theory]
    [MemberData(nameof(NotPublicV4))]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::127.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:0:8.8.8.8")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("64:ff9b:1::808:808")]
    [InlineData("100::1")]
    [InlineData("1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2001::1")]
    [InlineData("2001:1ff:ffff::1")]
    [InlineData("2001:db8::1")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("2002:c0a8:101::1")]
    [InlineData("3fff::1")]
    [InlineData("4000::1")]
    [InlineData("fc00::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("fe80::1")]
    [InlineData("fe80::1%2")]
    [InlineData("febf:ffff::1")]
    [InlineData("fec0::1")]
    [InlineData("ff02::1")]
    [InlineData("ff0e::1")]
    public void An_address_off_the_public_Internet_is_refused(string address) =>
        Assert.False(PublicAddress.IsPublic(IPAddress.Parse(address)), address);

    [Theory]
    [MemberData(nameof(PublicV4))]
    [InlineData("2000::1")]
    [InlineData("2001:200::1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:800::200e")]
    [InlineData("3fff:1000::1")]
    [InlineData("::ffff:1.1.1.1")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void A_public_address_is_allowed(string address) =>
        Assert.True(PublicAddress.IsPublic(IPAddress.Parse(address)), address);

    /// <summary>An IPv4 address reached through IPv6 (mapped, NAT64, 6to4) is judged as the IPv4 address it carries.</summary>
    [Theory]
    [MemberData(nameof(NotPublicV4))]
    [MemberData(nameof(PublicV4))]
    public void An_IPv4_address_carried_in_IPv6_is_judged_as_itself(string address)
    {
        var v4 = IPAddress.Parse(address);
        var b = v4.GetAddressBytes();
        var nat64 = IPAddress.Parse($"64:ff9b::{b[0]:x2}{b[1]:x2}:{b[2]:x2}{b[3]:x2}");
        var sixToFour = IPAddress.Parse($"2002:{b[0]:x2}{b[1]:x2}:{b[2]:x2}{b[3]:x2}::1");

        var expected = PublicAddress.IsPublic(v4);

        Assert.Equal(expected, PublicAddress.IsPublic(v4.MapToIPv6()));
        Assert.Equal(expected, PublicAddress.IsPublic(nat64));
        Assert.Equal(expected, PublicAddress.IsPublic(sixToFour));
    }
}
