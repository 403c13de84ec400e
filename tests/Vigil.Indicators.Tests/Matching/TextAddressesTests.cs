using System.Net;
using System.Net.Sockets;
using System.Text;
using CsCheck;
using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Tests.Matching;

/// <summary>The line filter reads IPv4 addresses as the scanner's parser does, in every form it accepts.</summary>
public class TextAddressesTests
{
    private static readonly Gen<string> Spelling = Gen.OneOf(
        Gen.Char["0123456789abcdefxX."].Array[1, 16].Select(chars => new string(chars)),
        Gen.Select(Gen.Int[0, 3], Gen.UInt.Array[1, 4], (style, parts) => string.Join('.', parts.Select(p =>
            (style == 0 ? p : p % 256) is var v && style == 1 ? "0" + Convert.ToString(v, 8) : style == 2 ? "0x" + v.ToString("x") : v.ToString()))));

    [Fact]
    public void Where_the_runtime_reads_an_IPv4_address_the_filter_reads_the_same_number() =>
        Spelling.Sample(text =>
        {
            if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetwork) { return; }
            Assert.True(TextAddresses.TryParseIpv4(Encoding.ASCII.GetBytes(text), out var number), text);
            Assert.Equal(address.ToString(), new IPAddress(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(number)).ToString());
        }, iter: 20_000);

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("127.1", "127.0.0.1")]
    [InlineData("0x7f.1", "127.0.0.1")]
    [InlineData("0177.0.0.1", "127.0.0.1")]
    [InlineData("2130706433", "127.0.0.1")]
    [InlineData("1.2.65535", "1.2.255.255")]
    public void Forms_the_runtime_accepts_are_read(string text, string expected)
    {
        Assert.True(TextAddresses.TryParseIpv4(Encoding.ASCII.GetBytes(text), out var number));
        Assert.Equal(expected, new IPAddress(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(number)).ToString());
    }
}
