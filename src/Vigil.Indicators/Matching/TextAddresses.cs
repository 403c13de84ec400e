using System.Net;
using System.Net.Sockets;

namespace Vigil.Indicators.Matching;

/// <summary>
/// The IP addresses indicators name, for the line filter: whether a run of text could be read by the scanner as one
/// of them, in any of the forms <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/> accepts
/// (IPv4 in one to four parts, each decimal, octal or hex; IPv6 compressed or not, in either case, with an IPv4 tail
/// or a scope). Addresses are compared as numbers, so no spelling is missed; a scope is ignored (a line too many).
/// </summary>
internal sealed class TextAddresses
{
    private readonly HashSet<uint> _ipv4 = [];
    // One bit per address in 64 Ki bits (8 KiB, in the core's cache): most numbers in a log are no indicator's, and
    // this says so without probing the set.
    private readonly ulong[] _ipv4Bits = new ulong[1024];
    private readonly HashSet<UInt128> _ipv6 = [];
    // The low 16 bits of every IPv6 address: most runs of hex digits and colons (times of day) are ruled out by them
    // before any parsing.
    private readonly ulong[] _ipv6Tails = new ulong[1024];

    public bool HasIpv4 => _ipv4.Count > 0;

    public bool HasIpv6 => _ipv6.Count > 0;

    /// <summary>Adds an address in any form; false when the value is not one.</summary>
    public bool Add(string value)
    {
        if (!IPAddress.TryParse(value, out var address)) { return false; }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var ipv4 = Ipv4Number(address);
            _ipv4.Add(ipv4);
            var bit = Ipv4Bit(ipv4);
            _ipv4Bits[bit >> 6] |= 1UL << bit;
            return true;
        }
        var number = Ipv6Number(address);
        _ipv6.Add(number);
        var tail = (int)(ushort)number;
        _ipv6Tails[tail >> 6] |= 1UL << (tail & 63);
        return true;
    }

    /// <summary>
    /// Whether the run (digits, ASCII letters of a hex number and dots, its leading and trailing dots trimmed, as
    /// the scanner trims a token's) is an IPv4 address an indicator names.
    /// </summary>
    public bool IsIpv4Indicator(ReadOnlySpan<byte> run)
    {
        if (!TryParseIpv4(run, out var number)) { return false; }
        var bit = Ipv4Bit(number);
        return (_ipv4Bits[bit >> 6] & (1UL << bit)) != 0 && _ipv4.Contains(number);
    }

    private static int Ipv4Bit(uint number) => (int)((number * 0x9E3779B1u) >> 16);

    /// <summary>
    /// Whether a maximal run of hex digits, colons and dots, or the host the scanner would take from it (leading
    /// colons and dots trimmed or not, a trailing ":port" dropped or not), is an IPv6 address an indicator names.
    /// </summary>
    public bool IsIpv6Indicator(ReadOnlySpan<byte> run)
    {
        if (run.Count((byte)':') < 2) { return false; }
        if (run.Length > 128) { return true; }
        // The cheap test first: the last group of some spelling must be the last group of some indicator.
        var trimmed = run.TrimEnd(".:"u8);
        if (!MayEndInTail(run) && !MayEndInTail(trimmed) && !MayEndInTail(WithoutPort(run)) && !MayEndInTail(WithoutPort(trimmed)))
        {
            return false;
        }
        Span<char> chars = stackalloc char[run.Length];
        var leadingDots = run.Length - run.TrimStart("."u8).Length;
        var leadingColonsAndDots = run.Length - run.TrimStart(".:"u8).Length;
        return IsIpv6Host(run, chars) || IsIpv6Host(run[leadingDots..], chars) || IsIpv6Host(run[leadingColonsAndDots..], chars);
    }

    // The run as it starts, ending as it is, with trailing colons and dots trimmed, or with its port dropped.
    private bool IsIpv6Host(ReadOnlySpan<byte> run, Span<char> chars)
    {
        var trimmed = run.TrimEnd(".:"u8);
        return IsIpv6(run, chars) || IsIpv6(trimmed, chars) || IsIpv6(WithoutPort(run), chars) || IsIpv6(WithoutPort(trimmed), chars);
    }

    private bool IsIpv6(ReadOnlySpan<byte> text, Span<char> chars)
    {
        for (var i = 0; i < text.Length; i++) { chars[i] = (char)text[i]; }
        return IPAddress.TryParse(chars[..text.Length], out var address)
            && address.AddressFamily == AddressFamily.InterNetworkV6 && _ipv6.Contains(Ipv6Number(address));
    }

    // What a URL's host is once its port is dropped: everything before the last colon.
    private static ReadOnlySpan<byte> WithoutPort(ReadOnlySpan<byte> run) =>
        run.LastIndexOf((byte)':') is var colon and >= 0 ? run[..colon] : run;

    // Whether the last group of an IPv6 spelling, hex or an IPv4 tail, is the last group of some indicator.
    private bool MayEndInTail(ReadOnlySpan<byte> text)
    {
        var group = text[(text.LastIndexOf((byte)':') + 1)..];
        int tail;
        if (group.Contains((byte)'.'))
        {
            // An IPv4 tail: its last two numbers, in decimal.
            var last = group.LastIndexOf((byte)'.');
            var before = group[..last].LastIndexOf((byte)'.');
            if (!TryDecimal(group[(last + 1)..], out var low) || !TryDecimal(group[(before + 1)..last], out var high)) { return true; }
            tail = ((high & 0xFF) << 8) | (low & 0xFF);
        }
        else
        {
            if (group.Length > 4) { return false; }
            tail = 0;
            foreach (var b in group)
            {
                var digit = HexValue(b);
                if (digit < 0) { return false; }
                tail = (tail << 4) | digit;
            }
        }
        return (_ipv6Tails[tail >> 6] & (1UL << (tail & 63))) != 0;
    }

    private static bool TryDecimal(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 3) { return false; }
        foreach (var b in digits)
        {
            if (!char.IsAsciiDigit((char)b)) { return false; }
            value = value * 10 + (b - '0');
        }
        return true;
    }

    /// <summary>
    /// Reads an IPv4 address as <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/> does: one to
    /// four numbers separated by dots, each decimal, octal after a leading 0 or hex after 0x, the last filling the
    /// bytes left. Where that parser accepts, this gives the same number (a property test checks it).
    /// </summary>
    public static bool TryParseIpv4(ReadOnlySpan<byte> text, out uint number)
    {
        number = 0;
        var count = 0;
        var i = 0;
        while (true)
        {
            if (i >= text.Length || count == 4) { return false; }
            ulong value;
            if (text[i] != '0')
            {
                // Decimal, by far the most common: at most ten digits fit.
                value = 0;
                var first = i;
                for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
                {
                    value = value * 10 + (uint)(text[i] - '0');
                    if (i - first >= 10) { return false; }
                }
                if (i == first || value > uint.MaxValue) { return false; }
            }
            else if (!TryRadixNumber(text, ref i, out value))
            {
                return false;
            }
            count++;
            if (i == text.Length)
            {
                // The last number fills the bytes the others left.
                if (value > uint.MaxValue >> (8 * (count - 1))) { return false; }
                number |= (uint)value;
                return true;
            }
            if (text[i] != '.' || value > 0xFF) { return false; }
            number |= (uint)value << (32 - 8 * count);
            i++;
        }
    }

    // A number after a leading 0: octal, or hex after "0x".
    private static bool TryRadixNumber(ReadOnlySpan<byte> text, ref int i, out ulong value)
    {
        value = 0;
        var radix = 8;
        var digits = true;
        i++;
        if (i < text.Length && (text[i] | 0x20) == 'x')
        {
            radix = 16;
            digits = false;
            i++;
        }
        for (; i < text.Length; i++)
        {
            var digit = HexValue(text[i]);
            if (digit < 0 || digit >= radix) { break; }
            value = value * (ulong)radix + (ulong)digit;
            if (value > uint.MaxValue) { return false; }
            digits = true;
        }
        return digits;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static uint Ipv4Number(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    private static UInt128 Ipv6Number(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}
