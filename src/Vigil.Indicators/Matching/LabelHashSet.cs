using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vigil.Indicators.Matching;

/// <summary>
/// A set of 64-bit hashes of byte strings read with ASCII case folded, each marked "whole" or not, for the line
/// filter: open addressing behind a blocked Bloom filter of about a byte per entry. For a large catalogue the table is
/// megabytes and most lookups miss, so the Bloom filter (small enough to stay in the core's cache) answers most.
/// Hashes collide rarely; a collision only keeps a line the scanner then reads in full.
/// </summary>
internal sealed class LabelHashSet
{
    public const ulong Missing = 0;
    public const ulong WholeFlag = 1;
    public const ulong Seed = 0x6A09E667F3BCC908;
    private const ulong LabelMultiplier = 0x9E3779B97F4A7C15;
    private const ulong SuffixMultiplier = 0xC2B2AE3D27D4EB4F;
    private const ulong BloomMultiplier = 0xD6E8FEB86659FD93;

    private readonly ulong[] _slots;
    private readonly int _shift;
    private readonly ulong[] _bloom;
    private readonly int _bloomShift;

    /// <param name="capacity">At least the number of hashes that will be added.</param>
    public LabelHashSet(int capacity)
    {
        // At most half full.
        var bits = Math.Max(6, BitOperations.Log2((uint)Math.Max(1, capacity)) + 2);
        _slots = new ulong[1 << bits];
        _shift = 64 - bits;
        var bloomBits = Math.Max(0, bits - 4);
        _bloom = new ulong[1 << bloomBits];
        _bloomShift = 64 - bloomBits;
    }

    public bool IsEmpty { get; private set; } = true;

    public void Add(ulong hash, bool whole)
    {
        IsEmpty = false;
        _bloom[BloomWord(hash)] |= BloomBits(hash);
        var tag = Tag(hash);
        var slot = Home(hash);
        while (_slots[slot] != Missing && (_slots[slot] & ~WholeFlag) != tag) { slot = (slot + 1) & (_slots.Length - 1); }
        _slots[slot] |= tag | (whole ? WholeFlag : 0);
    }

    /// <summary><see cref="Missing"/>, or an entry whose <see cref="WholeFlag"/> says whether it was added whole.</summary>
    public ulong Find(ulong hash)
    {
        var bits = BloomBits(hash);
        if ((_bloom[BloomWord(hash)] & bits) != bits) { return Missing; }
        var tag = Tag(hash);
        for (var slot = Home(hash); ; slot = (slot + 1) & (_slots.Length - 1))
        {
            var entry = _slots[slot];
            if (entry == Missing || (entry & ~WholeFlag) == tag) { return entry; }
        }
    }

    public bool ContainsWhole(ulong hash) => (Find(hash) & WholeFlag) != 0;

    private int BloomWord(ulong hash) => _bloomShift == 64 ? 0 : (int)((hash * BloomMultiplier) >> _bloomShift);

    private static ulong BloomBits(ulong hash) => (1UL << (int)(hash & 63)) | (1UL << (int)((hash >> 6) & 63));

    private int Home(ulong hash) => (int)((hash * LabelMultiplier) >> _shift);

    // Never zero, so that zero marks an empty slot; the lowest bit is left for the whole flag.
    private static ulong Tag(ulong hash) => (hash & ~WholeFlag) | 2;

    /// <summary>The hash of a dotted name's suffix extended by one more label to its left.</summary>
    public static ulong Combine(ulong suffix, ulong label) => BitOperations.RotateLeft((suffix ^ label) * SuffixMultiplier, 29);

    /// <summary>
    /// The hash of some bytes, eight at a time, with ASCII letters folded to lower case (every byte is or-ed with
    /// 0x20, which leaves digits, '-', '.' and '/' as they are and merges a few other pairs: a line too many at worst).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LabelHash(ReadOnlySpan<byte> text, int start, int end)
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

    /// <summary>The hash <see cref="TextLineFilter"/> gives a whole name: its labels combined from the right.</summary>
    public static IEnumerable<(ulong Hash, bool Whole)> Suffixes(byte[] name)
    {
        var hash = Seed;
        var end = name.Length;
        for (var dot = name.Length - 1; dot >= -1; dot--)
        {
            if (dot >= 0 && name[dot] != '.') { continue; }
            hash = Combine(hash, LabelHash(name, dot + 1, end));
            yield return (hash, dot < 0);
            end = dot;
        }
    }
}
