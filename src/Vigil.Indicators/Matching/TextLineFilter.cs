using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Vigil.Indicators.Matching;

/// <summary>
/// Picks out, from raw UTF-8 text, the lines on which some indicator could match, so that only those lines are
/// decoded and tokenised by <see cref="TextObservableScanner"/>; every other line is passed over at memory speed.
/// It may keep a line too many, never one too few: the text scanner decides.
/// </summary>
/// <remarks>
/// <para>One vectorised pass finds the few bytes where a value could end or start, each kind of indicator by its own
/// structure, and looks there only:</para>
/// <list type="bullet">
/// <item><b>Dotted names</b> (domains; the hosts of URLs and e-mail addresses; dotted file names): at a dot followed
/// by the first character of some name's last label, the label there is taken if it ends its run of characters
/// <c>[a-z0-9_-]</c> and dots, and the run is walked to the left one label at a time while the suffix read so far is a
/// suffix of some name (a hash of every dot-aligned suffix of every name). The scanner's hosts are such runs: every
/// character that ends a token or a host ends a run too, and its trimmed dots are skipped here as there. A name of one
/// label is also looked for right after "://" and '@'.</item>
/// <item><b>IP addresses</b>: at a dot followed by a digit (or after "://" and '@') the run of digits, hex letters and
/// dots is read as IPv4 in every form the scanner's parser accepts (octal, hex, fewer parts); at a colon the run of hex
/// digits, colons and dots is read as IPv6 with and without what the scanner would trim (leading colons, a port).
/// Both are compared as numbers with the indicators' addresses.</item>
/// <item><b>Hashes</b>: a run of 32 or more hex digits.</item>
/// <item><b>File names and directories</b> that are not dotted names: the path segment after a slash, by hash.</item>
/// <item>The rare <b>other value</b> (a LIKE pattern, a name with characters no host holds): its longest literal
/// part, searched for as it is (<see cref="LiteralNeedles"/>); with more than a few, there is no filter.</item>
/// </list>
/// <para>A line holding any byte outside ASCII is always kept, as are lines whose hashes collide: the scanner
/// decides.</para>
/// </remarks>
internal sealed partial class TextLineFilter
{
    private const int MinimumHexRun = 32;

    private readonly LabelHashSet _names;
    private readonly LabelHashSet _segments;
    // The first two bytes of every segment.
    private readonly BytePairSet _segmentStarts = new();
    // The first two bytes of every name's last label, or its one byte and any byte that can follow a name.
    private readonly BytePairSet _lastLabelStarts = new();
    private readonly bool _shortSegments;
    private readonly TextAddresses _addresses;
    private readonly LiteralNeedles _needles;
    private readonly Triggers _triggers;

    private TextLineFilter(List<byte[]> names, List<byte[]> segments, TextAddresses addresses, LiteralNeedles needles, Triggers triggers)
    {
        // Every suffix ends a label, so the labels bound the suffixes.
        _names = new LabelHashSet(names.Sum(name => name.AsSpan().Count((byte)'.') + 1));
        foreach (var name in names)
        {
            foreach (var (hash, whole) in LabelHashSet.Suffixes(name)) { _names.Add(hash, whole); }
            var lastLabel = name.AsSpan(name.AsSpan().LastIndexOf((byte)'.') + 1);
            if (lastLabel.Length > 1) { _lastLabelStarts.Add(lastLabel[0], lastLabel[1]); }
            else
            {
                for (var b = 0; b < 256; b++)
                {
                    if (LabelClass[b] == 0) { _lastLabelStarts.Add(lastLabel[0], (byte)b); }
                }
            }
        }
        _segments = new LabelHashSet(segments.Count);
        foreach (var segment in segments)
        {
            _segments.Add(LabelHashSet.LabelHash(segment, 0, segment.Length), whole: true);
            if (segment.Length == 1) { _shortSegments = true; }
            else { _segmentStarts.Add(segment[0], segment[1]); }
            triggers |= char.IsAsciiLetter((char)segment[0]) ? Triggers.SlashLetter : char.IsAsciiDigit((char)segment[0]) ? Triggers.SlashDigit : Triggers.SlashOther;
        }
        _addresses = addresses;
        _needles = needles;
        _triggers = triggers;
    }

    [Flags]
    private enum Triggers
    {
        None = 0,
        DotLetter = 1,
        DotDigit = 2,
        DotOther = 4,
        HostStarts = 8,
        Ipv4 = 16,
        Ipv6 = 32,
        Slash = 64,
        HexRuns = 128,
        SlashLetter = 256,
        SlashDigit = 512,
        SlashOther = 1024,
    }

    // What the text scanner can observe in a line of text (see TextObservableScanner and IndicatorIndex.Match).
    private static bool IsTextKind(ObservableKind kind) => kind is ObservableKind.Domain or ObservableKind.Url
        or ObservableKind.Email or ObservableKind.Ipv4 or ObservableKind.Ipv6 or ObservableKind.FilePath
        or ObservableKind.FileName or ObservableKind.Hash;

    private bool Has(Triggers trigger) => (_triggers & trigger) != 0;

    /// <summary>
    /// The position of the first byte at or after <paramref name="start"/> whose line must be read in full, or -1
    /// when the rest of the text has none.
    /// </summary>
    public int Next(ReadOnlySpan<byte> text, int start)
    {
        var at = NextStructural(text, start);
        if (_needles.Count == 0) { return at; }
        var needle = _needles.First(text, start, at < 0 ? text.Length : at);
        return needle >= 0 ? needle : at;
    }

    // The vectorised loop is compiled once for each combination, so that a set of plain domains (the most common)
    // pays for none of the other tests.
    private int NextStructural(ReadOnlySpan<byte> text, int start)
    {
        var digits = Has(Triggers.DotDigit | Triggers.DotOther | Triggers.Ipv4);
        var others = Has(Triggers.Ipv4 | Triggers.Ipv6 | Triggers.HostStarts | Triggers.Slash);
        return (digits, others, Has(Triggers.HexRuns)) switch
        {
            (false, false, false) => NextStructural<Off, Off, Off>(text, start),
            (false, false, true) => NextStructural<Off, Off, On>(text, start),
            (true, false, false) => NextStructural<On, Off, Off>(text, start),
            (true, false, true) => NextStructural<On, Off, On>(text, start),
            (_, true, false) => NextStructural<On, On, Off>(text, start),
            (_, true, true) => NextStructural<On, On, On>(text, start),
        };
    }

    private interface ISwitch
    {
        static abstract bool IsOn { get; }
    }

    private readonly struct On : ISwitch
    {
        public static bool IsOn => true;
    }

    private readonly struct Off : ISwitch
    {
        public static bool IsOn => false;
    }

    // Called a few times per block but loops over all of it: optimised from the first call, not after tiering up.
    // TDigits: dots before digits, '-' or '_'; TOthers: colons, slashes and '@'; THex: runs of hex digits.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int NextStructural<TDigits, TOthers, THex>(ReadOnlySpan<byte> text, int start)
        where TDigits : struct, ISwitch
        where TOthers : struct, ISwitch
        where THex : struct, ISwitch
    {
        var i = start;
        // Runs already read as addresses: their other dots and colons are passed over.
        var skipped = new Skipped();
        var hexRuns = THex.IsOn;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var origin = ref MemoryMarshal.GetReference(text);
            var dot = Vector256.Create((byte)'.');
            var colon = Vector256.Create((byte)':');
            var slash = Vector256.Create((byte)'/');
            var atSign = Vector256.Create((byte)'@');
            var caseBit = Vector256.Create((byte)0x20);
            var a = Vector256.Create((byte)'a');
            var z = Vector256.Create((byte)('z' - 'a'));
            var zero = Vector256.Create((byte)'0');
            var nine = Vector256.Create((byte)9);
            var f = Vector256.Create((byte)('f' - 'a'));
            var dash = Vector256.Create((byte)'-');
            var underscore = Vector256.Create((byte)'_');
            var dotLetter = Enabled(Triggers.DotLetter);
            var dotDigit = Enabled(Triggers.DotDigit | Triggers.Ipv4);
            var dotOther = Enabled(Triggers.DotOther);
            var anyColon = Enabled(Triggers.Ipv6);
            var hostStart = Enabled(Triggers.HostStarts | Triggers.Ipv4);
            var anySlash = Enabled(Triggers.Slash);
            var slashLetter = Enabled(Triggers.SlashLetter);
            var slashDigit = Enabled(Triggers.SlashDigit);
            var slashOther = Enabled(Triggers.SlashOther);
            // Each step reads 32 bytes and the 32 after them shifted by one, so 33 bytes must remain.
            for (; i + Vector256<byte>.Count < text.Length; i += Vector256<byte>.Count)
            {
                var here = Vector256.LoadUnsafe(ref origin, (nuint)i);
                var next = Vector256.LoadUnsafe(ref origin, (nuint)(i + 1));
                var isDot = Vector256.Equals(here, dot);
                var nextIsLetter = Vector256.LessThanOrEqual((next | caseBit) - a, z);
                var interesting = here | (isDot & nextIsLetter & dotLetter);
                if (TDigits.IsOn)
                {
                    var nextIsDigit = Vector256.LessThanOrEqual(next - zero, nine);
                    interesting |= isDot & ((nextIsDigit & dotDigit) | ((Vector256.Equals(next, dash) | Vector256.Equals(next, underscore)) & dotOther));
                }
                if (TOthers.IsOn)
                {
                    var isColon = Vector256.Equals(here, colon);
                    var nextIsDigit = Vector256.LessThanOrEqual(next - zero, nine);
                    var nextIsHex = nextIsDigit | Vector256.LessThanOrEqual((next | caseBit) - a, f);
                    // Segments start with letters, digits or something else, each only if some segment does.
                    var nextIsSegmentStart = (nextIsLetter & slashLetter) | (nextIsDigit & slashDigit)
                        | (~(nextIsLetter | nextIsDigit) & slashOther);
                    interesting |= (isColon & ((anyColon & (nextIsHex | Vector256.Equals(next, colon))) | hostStart))
                        | (Vector256.Equals(here, atSign) & hostStart)
                        | (Vector256.Equals(here, slash) & anySlash & ~Vector256.Equals(nextIsSegmentStart, Vector256<byte>.Zero));
                }
                var mask = interesting.ExtractMostSignificantBits();
                // A run of 32 or more hex digits fills at least one of the two 16-byte halves; the first position of
                // interest in the window is returned, so that no line before it is passed over.
                var hexAt = -1;
                if (hexRuns)
                {
                    var hex = (Vector256.LessThanOrEqual(here - zero, nine) | Vector256.LessThanOrEqual((here | caseBit) - a, f)).ExtractMostSignificantBits();
                    hexAt = (hex & 0xFFFF) == 0xFFFF && IsLongHexRun(text, i) ? i
                        : (hex >> 16) == 0xFFFF && IsLongHexRun(text, i + 16) ? i + 16 : -1;
                }
                while (mask != 0)
                {
                    var at = i + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    if (hexAt >= 0 && at > hexAt) { break; }
                    if (Keeps(text, at, ref skipped)) { return at; }
                }
                if (hexAt >= 0) { return hexAt; }
            }
        }
        // The rest byte by byte; a hex run is measured from its start even when it began above.
        var run = i;
        while (hexRuns && run > start && IsHex(text[run - 1])) { run--; }
        for (; i < text.Length; i++)
        {
            var b = text[i];
            if (hexRuns)
            {
                if (!IsHex(b)) { run = i + 1; }
                else if (i - run + 1 >= MinimumHexRun) { return run; }
            }
            if (IsTrigger(text, i) && Keeps(text, i, ref skipped)) { return i; }
        }
        return -1;
    }

    private Vector256<byte> Enabled(Triggers triggers) => Has(triggers) ? Vector256<byte>.AllBitsSet : Vector256<byte>.Zero;

    // The scalar form of the vectorised test above.
    private bool IsTrigger(ReadOnlySpan<byte> text, int at)
    {
        var b = text[at];
        var next = at + 1 < text.Length ? text[at + 1] : (byte)0;
        return b switch
        {
            > 0x7F => true,
            (byte)'.' => (char.IsAsciiLetter((char)next) && Has(Triggers.DotLetter))
                || (char.IsAsciiDigit((char)next) && Has(Triggers.DotDigit | Triggers.Ipv4))
                || (next is (byte)'-' or (byte)'_' && Has(Triggers.DotOther)),
            (byte)':' => (Has(Triggers.Ipv6) && (char.IsAsciiHexDigit((char)next) || next == ':'))
                || Has(Triggers.HostStarts | Triggers.Ipv4),
            (byte)'@' => Has(Triggers.HostStarts | Triggers.Ipv4),
            (byte)'/' => Has(Triggers.Slash) && Has(char.IsAsciiLetter((char)next) ? Triggers.SlashLetter
                : char.IsAsciiDigit((char)next) ? Triggers.SlashDigit : Triggers.SlashOther),
            _ => false,
        };
    }

    private struct Skipped
    {
        public int Ipv4;
        public int Ipv6;
    }
}
