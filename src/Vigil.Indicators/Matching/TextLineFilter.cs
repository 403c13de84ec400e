using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Vigil.Indicators.Matching;

/// <summary>
/// Picks out, from raw UTF-8 text, the lines on which some indicator could match, so that only those lines are
/// decoded and tokenised by <see cref="TextObservableScanner"/>; every other line is passed over at memory speed.
/// </summary>
/// <remarks>
/// <para>The filter exists only when every indicator the text scanner could match is a hash (kept lines: those with a
/// run of 32 or more hex digits, as every hash token is) or comes down to a dotted name of the characters
/// <c>[a-z0-9_-]</c> whose last label starts with a letter: a domain, a URL's host, an e-mail address's domain, or a
/// dotted file name. Such a value can match only where the line holds a maximal run of
/// those characters and dots (a "run") of which one dot-aligned suffix is that name, ignoring ASCII case. The text
/// scanner's hosts are exactly such runs: every character that ends a token or a host (<c>/ : @ ? # = &amp;</c>, space,
/// quotes, brackets) ends a run too, and its trimmed dots are skipped here as there. A run whose host has other
/// characters (<c>~evil.com</c>) is passed on although it does not match: the filter may keep a line too many,
/// never one too few.</para>
/// <para>So the filter looks only at a dot followed by a letter, takes the label after it when it ends its run, and
/// walks to the left one label at a time while the suffix read so far is a suffix of some name, which it knows
/// by a hash of every dot-aligned suffix of every name. A line holding any byte outside ASCII is always kept, as
/// are lines whose suffixes collide in the hash: the text scanner decides.</para>
/// </remarks>
internal sealed class TextLineFilter
{
    private const ulong Empty = 0;
    private const ulong KeyFlag = 1;
    private const ulong Seed = 0x6A09E667F3BCC908;
    private const ulong LabelMultiplier = 0x9E3779B97F4A7C15;
    private const ulong SuffixMultiplier = 0xC2B2AE3D27D4EB4F;

    private const ulong BloomMultiplier = 0xD6E8FEB86659FD93;

    // Open addressing over suffix hashes; the lowest bit says "this suffix is a whole name".
    private readonly ulong[] _slots;
    private readonly int _shift;
    // A blocked Bloom filter in front of the table, about a byte per suffix: for a large catalogue the table is
    // megabytes and most lookups miss, so the filter (small enough to stay in the core's cache) answers most of them.
    private readonly ulong[] _bloom;
    private readonly int _bloomShift;

    // Some indicator is a hash: lines holding a run of 32 or more hex digits are kept too.
    private readonly bool _hexRuns;

    private TextLineFilter(List<string> names, bool hexRuns)
    {
        _hexRuns = hexRuns;
        // Every suffix ends a label, so the labels bound the suffixes: the table is sized once, at most three quarters
        // full (names share their last labels, so in practice under half).
        var labels = names.Sum(name => name.AsSpan().Count('.') + 1);
        var bits = Math.Max(6, BitOperations.Log2((uint)Math.Max(1, labels)) + 1);
        _slots = new ulong[1 << bits];
        _shift = 64 - bits;
        var bloomBits = Math.Max(0, bits - 4);
        _bloom = new ulong[1 << bloomBits];
        _bloomShift = 64 - bloomBits;
        foreach (var name in names)
        {
            var bytes = System.Text.Encoding.ASCII.GetBytes(name);
            var hash = Seed;
            var end = bytes.Length;
            for (var dot = bytes.Length - 1; dot >= -1; dot--)
            {
                if (dot >= 0 && bytes[dot] != '.') { continue; }
                hash = Combine(hash, LabelHash(bytes, dot + 1, end));
                Insert(hash, whole: dot < 0);
                end = dot;
            }
        }
    }

    private void Insert(ulong hash, bool whole)
    {
        _bloom[BloomWord(hash)] |= BloomBits(hash);
        var tag = Tag(hash);
        var slot = Home(hash);
        while (_slots[slot] != Empty && (_slots[slot] & ~KeyFlag) != tag) { slot = (slot + 1) & (_slots.Length - 1); }
        _slots[slot] |= tag | (whole ? KeyFlag : 0);
    }

    /// <summary>Collects terms; builds a filter for them, or none when some term needs every line read.</summary>
    internal sealed class Builder
    {
        private readonly List<string> _names = [];
        private bool _unfilterable;
        private bool _hashes;

        public void Add(IndicatorTerm term)
        {
            if (_unfilterable || !IsTextKind(term.Kind)) { return; }
            if (term is { Kind: ObservableKind.Hash, Mode: TermMode.Exact })
            {
                // A hash is matched only as a whole token of 32, 40, 64 or 128 hex digits.
                _hashes = true;
                return;
            }
            if (term.Mode != TermMode.Exact || NameOf(term) is not { } name || !IsFilterable(name))
            {
                // An address, a path prefix, a LIKE pattern or a name ending in a number.
                _unfilterable = true;
                _names.Clear();
                return;
            }
            _names.Add(name);
        }

        public TextLineFilter? Build()
        {
            var filter = _unfilterable ? null : new TextLineFilter(_names, _hashes);
            _names.Clear();
            _names.TrimExcess();
            return filter;
        }
    }

    // What the text scanner can observe in a line of text (see TextObservableScanner and IndicatorIndex.Match).
    private static bool IsTextKind(ObservableKind kind) => kind is ObservableKind.Domain or ObservableKind.Url
        or ObservableKind.Email or ObservableKind.Ipv4 or ObservableKind.Ipv6 or ObservableKind.FilePath
        or ObservableKind.FileName or ObservableKind.Hash;

    // The dotted name a matching line must hold; its case is folded as the filter folds the text.
    private static string? NameOf(IndicatorTerm term) => term.Kind switch
    {
        ObservableKind.Domain => term.Value,
        ObservableKind.Url => term.Value.IndexOfAny('/', '?') is var end and > 0 ? term.Value[..end] : term.Value,
        ObservableKind.Email => term.Value.LastIndexOf('@') is var at and >= 0 ? term.Value[(at + 1)..] : null,
        ObservableKind.FileName => term.Value,
        ObservableKind.FilePath => term.Value[(term.Value.LastIndexOf('/') + 1)..],
        _ => null,
    };

    private static bool IsFilterable(string name)
    {
        var lastDot = name.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == name.Length - 1 || !char.IsAsciiLetter(name[lastDot + 1])) { return false; }
        foreach (var c in name)
        {
            if (c != '.' && (c > 0x7F || LabelClass[c] == 0)) { return false; }
        }
        return true;
    }

    /// <summary>
    /// The position of the first byte at or after <paramref name="start"/> whose line must be read in full: a
    /// dot whose run may end in a name, or a byte outside ASCII; -1 when the rest of the text has none.
    /// </summary>
    // Called a few times per block but loops over all of it: optimised from the first call, not after tiering up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Next(ReadOnlySpan<byte> text, int start)
    {
        var i = start;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var origin = ref MemoryMarshal.GetReference(text);
            var dot = Vector256.Create((byte)'.');
            var caseBit = Vector256.Create((byte)0x20);
            var a = Vector256.Create((byte)'a');
            var z = Vector256.Create((byte)('z' - 'a'));
            var zero = Vector256.Create((byte)'0');
            var nine = Vector256.Create((byte)9);
            var f = Vector256.Create((byte)('f' - 'a'));
            // Each step reads 32 bytes and the 32 after them shifted by one, so 33 bytes must remain.
            for (; i + Vector256<byte>.Count < text.Length; i += Vector256<byte>.Count)
            {
                var here = Vector256.LoadUnsafe(ref origin, (nuint)i);
                var next = Vector256.LoadUnsafe(ref origin, (nuint)(i + 1));
                var dotBeforeLetter = Vector256.Equals(here, dot) & Vector256.LessThanOrEqual((next | caseBit) - a, z);
                var mask = (dotBeforeLetter | here).ExtractMostSignificantBits();
                // A run of 32 or more hex digits fills at least one of the two 16-byte halves; the first position of
                // interest in the window is returned, so that no line before it is passed over.
                var hexAt = -1;
                if (_hexRuns)
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
                    if (text[at] > 0x7F || EndsInName(text, at)) { return at; }
                }
                if (hexAt >= 0) { return hexAt; }
            }
        }
        // The rest byte by byte; a hex run is measured from its start even when it began above.
        var run = i;
        while (_hexRuns && run > start && IsHex(text[run - 1])) { run--; }
        for (; i < text.Length; i++)
        {
            var b = text[i];
            if (b > 0x7F) { return i; }
            if (_hexRuns)
            {
                if (!IsHex(b)) { run = i + 1; }
                else if (i - run + 1 >= MinimumHexRun) { return run; }
            }
            if (b == '.' && i + 1 < text.Length && char.IsAsciiLetter((char)text[i + 1]) && EndsInName(text, i)) { return i; }
        }
        return -1;
    }

    private const int MinimumHexRun = 32;

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    // Whether the run of hex digits through 'at' is at least a hash's shortest length.
    private static bool IsLongHexRun(ReadOnlySpan<byte> text, int at)
    {
        var from = at;
        while (from > 0 && IsHex(text[from - 1])) { from--; }
        var to = at;
        while (to < text.Length && IsHex(text[to])) { to++; }
        return to - from >= MinimumHexRun;
    }

    // The dot at 'dot' is followed by a letter. If the label after it is its run's last (trailing dots aside),
    // walk the run's suffixes from the right while each is a suffix of some name.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool EndsInName(ReadOnlySpan<byte> text, int dot)
    {
        var end = dot + 1;
        while (end < text.Length && LabelClass[text[end]] != 0) { end++; }
        if (end < text.Length && text[end] == '.')
        {
            var after = end;
            while (after < text.Length && text[after] == '.') { after++; }
            if (after < text.Length && LabelClass[text[after]] != 0) { return false; }
        }
        var hash = Combine(Seed, LabelHash(text, dot + 1, end));
        while (true)
        {
            var found = Find(hash);
            if (found == Empty) { return false; }
            if ((found & KeyFlag) != 0) { return true; }
            var start = dot;
            while (start > 0 && LabelClass[text[start - 1]] != 0) { start--; }
            hash = Combine(hash, LabelHash(text, start, dot));
            if (start == 0 || text[start - 1] != '.')
            {
                // The run begins here: this suffix is the whole run.
                return (Find(hash) & KeyFlag) != 0;
            }
            dot = start - 1;
        }
    }

    private ulong Find(ulong hash)
    {
        var bits = BloomBits(hash);
        if ((_bloom[BloomWord(hash)] & bits) != bits) { return Empty; }
        var tag = Tag(hash);
        for (var slot = Home(hash); ; slot = (slot + 1) & (_slots.Length - 1))
        {
            var entry = _slots[slot];
            if (entry == Empty || (entry & ~KeyFlag) == tag) { return entry; }
        }
    }

    private int BloomWord(ulong hash) => _bloomShift == 64 ? 0 : (int)((hash * BloomMultiplier) >> _bloomShift);

    private static ulong BloomBits(ulong hash) => (1UL << (int)(hash & 63)) | (1UL << (int)((hash >> 6) & 63));

    private int Home(ulong hash) => (int)((hash * LabelMultiplier) >> _shift);

    // Never zero, so that zero marks an empty slot; the lowest bit is left for the key flag.
    private static ulong Tag(ulong hash) => (hash & ~KeyFlag) | 2;

    private static ulong Combine(ulong suffix, ulong label) => BitOperations.RotateLeft((suffix ^ label) * SuffixMultiplier, 29);

    // A label's hash, eight bytes at a time, with ASCII letters folded to lower case (digits, '-' and '.' keep their
    // value under the fold; '_' becomes 0x7F, which no other label byte does).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LabelHash(ReadOnlySpan<byte> text, int start, int end)
    {
        var hash = (ulong)(end - start) * LabelMultiplier;
        while (end - start >= sizeof(ulong))
        {
            var word = MemoryMarshal.Read<ulong>(text[start..]) | 0x2020202020202020;
            hash = BitOperations.RotateLeft((hash ^ word) * LabelMultiplier, 31);
            start += sizeof(ulong);
        }
        if (start < end)
        {
            ulong word = 0;
            for (var i = end - 1; i >= start; i--) { word = (word << 8) | (byte)(text[i] | 0x20); }
            hash = BitOperations.RotateLeft((hash ^ word) * LabelMultiplier, 31);
        }
        return hash;
    }

    // 1 for the bytes a label is made of: ASCII letters, digits, '-' and '_'.
    private static ReadOnlySpan<byte> LabelClass =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
}
