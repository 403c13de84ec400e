using System.Security.Cryptography;

namespace Vigil.Ledger;

/// <summary>
/// An RFC 9162 consistency proof: the hashes that show the tree of <see cref="OldSize"/> leaves is a prefix
/// of the tree of <see cref="NewSize"/> leaves.
/// </summary>
/// <remarks>
/// A proof from the empty tree is rejected, as RFC 9162 defines none and the transparency-dev verifier treats it
/// as an error. Protocols that accept any tree as consistent with size 0 (C2SP tlog-witness) check that case
/// themselves before asking for a proof.
/// </remarks>
/// <param name="OldSize">Size of the older tree, at least 1.</param>
/// <param name="NewSize">Size of the newer tree, at least <paramref name="OldSize"/>.</param>
/// <param name="Hashes">The proof, each hash 32 bytes; empty when the sizes are equal.</param>
public sealed record ConsistencyProof(long OldSize, long NewSize, IReadOnlyList<byte[]> Hashes)
{
    /// <summary>Builds the proof from stored hashes with one batch of O(log n) reads.</summary>
    public static async ValueTask<ConsistencyProof> CreateAsync(IHashReader reader, long oldSize, long newSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(oldSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(newSize, oldSize);
        var hashes = await ProofRanges.HashAsync(reader, ProofRanges.Consistency(oldSize, newSize), cancellationToken).ConfigureAwait(false);
        return new ConsistencyProof(oldSize, newSize, hashes);
    }

    /// <summary>Verifies the proof as RFC 9162 §2.1.4.2 specifies; throws <see cref="LedgerVerificationException"/> if it fails.</summary>
    public void Verify(ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot)
    {
        var failure = Check(oldRoot, newRoot);
        if (failure is not null)
        {
            throw new LedgerVerificationException(failure);
        }
    }

    /// <summary>Whether the proof shows the tree with <paramref name="oldRoot"/> is a prefix of the one with <paramref name="newRoot"/>.</summary>
    public bool IsValid(ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot) => Check(oldRoot, newRoot) is null;

    private string? Check(ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot)
    {
        if (OldSize < 0 || NewSize < OldSize)
        {
            return $"Consistency proof: old size {OldSize} and new size {NewSize} are not in order.";
        }

        if (OldSize == 0)
        {
            return "Consistency proof: a proof from the empty tree proves nothing.";
        }

        if (OldSize == NewSize)
        {
            return Hashes.Count != 0 ? "Consistency proof: equal sizes need an empty proof."
                : oldRoot.SequenceEqual(newRoot) ? null
                : "Consistency proof: equal sizes but different roots.";
        }

        if (oldRoot.Length != MerkleHash.Size || newRoot.Length != MerkleHash.Size)
        {
            return $"Consistency proof: both roots must be {MerkleHash.Size} bytes.";
        }

        if (Hashes.Count == 0 || Hashes.Any(h => h is null || h.Length != MerkleHash.Size))
        {
            return $"Consistency proof: the proof must be non-empty with every hash {MerkleHash.Size} bytes.";
        }

        return Walk(oldRoot, newRoot);
    }

    private string? Walk(ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot)
    {
        var path = long.IsPow2(OldSize) ? Hashes.Prepend(oldRoot.ToArray()).ToList() : Hashes.ToList();
        var fn = OldSize - 1;
        var sn = NewSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return "Consistency proof: too many hashes.";
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.HashChildren(c, fr);
                sr = MerkleHash.HashChildren(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHash.HashChildren(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return "Consistency proof: too few hashes.";
        }

        return CryptographicOperations.FixedTimeEquals(fr, oldRoot) && CryptographicOperations.FixedTimeEquals(sr, newRoot)
            ? null
            : $"Consistency proof: the roots of the trees of {OldSize} and {NewSize} leaves do not match the proof.";
    }
}
