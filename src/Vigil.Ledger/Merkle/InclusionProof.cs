using System.Security.Cryptography;

namespace Vigil.Ledger;

/// <summary>
/// An RFC 9162 inclusion proof (audit path): the hashes that connect the leaf at <see cref="Index"/> to the
/// root of the tree of <see cref="TreeSize"/> leaves, sibling of the leaf first.
/// </summary>
/// <param name="Index">Zero-based index of the leaf.</param>
/// <param name="TreeSize">Number of leaves in the tree the proof is for.</param>
/// <param name="Hashes">The audit path, each hash 32 bytes.</param>
public sealed record InclusionProof(long Index, long TreeSize, IReadOnlyList<byte[]> Hashes)
{
    /// <summary>Builds the proof from stored hashes with one batch of O(log n) reads.</summary>
    public static async ValueTask<InclusionProof> CreateAsync(IHashReader reader, long index, long treeSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, treeSize);
        var hashes = await ProofRanges.HashAsync(reader, ProofRanges.Inclusion(index, treeSize), cancellationToken).ConfigureAwait(false);
        return new InclusionProof(index, treeSize, hashes);
    }

    /// <summary>Verifies the proof as RFC 9162 §2.1.3.2 specifies; throws <see cref="LedgerVerificationException"/> if it fails.</summary>
    public void Verify(ReadOnlySpan<byte> leafHash, ReadOnlySpan<byte> root)
    {
        var failure = Check(leafHash, root);
        if (failure is not null)
        {
            throw new LedgerVerificationException(failure);
        }
    }

    /// <summary>Whether the proof shows that <paramref name="leafHash"/> is at <see cref="Index"/> in the tree with <paramref name="root"/>.</summary>
    public bool IsValid(ReadOnlySpan<byte> leafHash, ReadOnlySpan<byte> root) => Check(leafHash, root) is null;

    private string? Check(ReadOnlySpan<byte> leafHash, ReadOnlySpan<byte> root)
    {
        if (Index < 0 || TreeSize <= 0 || Index >= TreeSize)
        {
            return $"Inclusion proof: leaf index {Index} is outside a tree of {TreeSize} leaves.";
        }

        if (leafHash.Length != MerkleHash.Size || root.Length != MerkleHash.Size)
        {
            return $"Inclusion proof: the leaf hash and the root must be {MerkleHash.Size} bytes.";
        }

        if (Hashes.Any(h => h is null || h.Length != MerkleHash.Size))
        {
            return $"Inclusion proof: every proof hash must be {MerkleHash.Size} bytes.";
        }

        var computed = ComputeRoot(leafHash);
        if (computed is null)
        {
            return $"Inclusion proof: {Hashes.Count} hashes is the wrong length for leaf {Index} in a tree of {TreeSize} leaves.";
        }

        return CryptographicOperations.FixedTimeEquals(computed, root)
            ? null
            : $"Inclusion proof: leaf {Index} does not lead to the given root of the tree of {TreeSize} leaves.";
    }

    /// <summary>The root the path leads to, or null if the path has the wrong length (RFC 9162 §2.1.3.2).</summary>
    private byte[]? ComputeRoot(ReadOnlySpan<byte> leafHash)
    {
        var fn = Index;
        var sn = TreeSize - 1;
        var r = leafHash.ToArray();
        foreach (var p in Hashes)
        {
            if (sn == 0)
            {
                return null;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.HashChildren(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleHash.HashChildren(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 ? r : null;
    }
}
