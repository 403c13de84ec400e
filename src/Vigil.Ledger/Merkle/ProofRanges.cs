namespace Vigil.Ledger;

/// <summary>
/// The leaf ranges whose Merkle Tree Hashes make up RFC 9162 proofs (§2.1.3.1 PATH and §2.1.4.1 PROOF),
/// leaf side first, and how to compute those hashes from stored complete subtrees.
/// </summary>
internal static class ProofRanges
{
    public static List<(long Begin, long End)> Inclusion(long index, long treeSize)
    {
        var ranges = new List<(long, long)>();
        AddPath(index, 0, treeSize, ranges);
        return ranges;
    }

    public static List<(long Begin, long End)> Consistency(long oldSize, long newSize)
    {
        var ranges = new List<(long, long)>();
        AddSubproof(oldSize, 0, newSize, true, ranges);
        return ranges;
    }

    /// <summary>Reads the hashes of all ranges with one batch of O(log n) node reads.</summary>
    public static async ValueTask<byte[][]> HashAsync(IHashReader reader, List<(long Begin, long End)> ranges, CancellationToken cancellationToken)
    {
        var coverings = ranges.Select(r => NodeId.CoveringRange(r.Begin, r.End)).ToList();
        var distinct = coverings.SelectMany(c => c).Distinct().ToList();
        var hashes = distinct.Count == 0 ? [] : await reader.ReadHashesAsync(distinct, cancellationToken).ConfigureAwait(false);
        if (hashes.Count != distinct.Count)
        {
            throw new InvalidOperationException($"The hash reader returned {hashes.Count} hashes for {distinct.Count} nodes.");
        }

        var byNode = new Dictionary<NodeId, byte[]>(distinct.Count);
        for (var i = 0; i < distinct.Count; i++)
        {
            byNode[distinct[i]] = hashes[i];
        }

        return coverings.Select(c => TreeFrontier.FoldFromRight(c.Select(n => byNode[n]).ToList())).ToArray();
    }

    private static void AddPath(long index, long begin, long end, List<(long, long)> ranges)
    {
        if (end - begin == 1)
        {
            return;
        }

        var split = begin + LargestPowerOfTwoBelow(end - begin);
        if (index < split)
        {
            AddPath(index, begin, split, ranges);
            ranges.Add((split, end));
        }
        else
        {
            AddPath(index, split, end, ranges);
            ranges.Add((begin, split));
        }
    }

    private static void AddSubproof(long oldSize, long begin, long end, bool oldRootKnown, List<(long, long)> ranges)
    {
        var size = end - begin;
        if (oldSize == size)
        {
            if (!oldRootKnown)
            {
                ranges.Add((begin, end));
            }

            return;
        }

        var k = LargestPowerOfTwoBelow(size);
        if (oldSize <= k)
        {
            AddSubproof(oldSize, begin, begin + k, oldRootKnown, ranges);
            ranges.Add((begin + k, end));
        }
        else
        {
            AddSubproof(oldSize - k, begin + k, end, false, ranges);
            ranges.Add((begin, begin + k));
        }
    }

    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2).</summary>
    private static long LargestPowerOfTwoBelow(long n) => 1L << (int)(63 - long.LeadingZeroCount(n - 1));
}
