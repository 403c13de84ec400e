using CsCheck;

namespace Vigil.Ledger.Tests.Merkle;

/// <summary>Random tree sizes 1 ≤ m ≤ n ≤ 5,000: proofs verify, and any single flipped bit breaks them.</summary>
public class ProofPropertyTests
{
    private const int Iterations = 200;

    private static readonly Gen<int> Bit = Gen.Int[0, 255];

    [Fact]
    public void Every_inclusion_proof_verifies_and_fails_after_any_single_bit_flip()
    {
        var gen = from n in Gen.Int[1, ReferenceTree.MaxSize]
                  from index in Gen.Int[0, n - 1]
                  from bits in Bit.Array[16]
                  select (n, index, bits);
        gen.Sample(c =>
        {
            var (n, index, bits) = c;
            var proof = InclusionProof.CreateAsync(ReferenceTree.Store, index, n).AsTask().GetAwaiter().GetResult();
            var leaf = ReferenceTree.LeafHashes[index];
            var root = ReferenceTree.Root(n);
            Assert.True(proof.IsValid(leaf, root), $"inclusion of {index} in {n}");
            Assert.True(proof.Hashes.Count <= 13);
            Assert.False(proof.IsValid(ReferenceTree.FlipBit(leaf, bits[0]), root));
            Assert.False(proof.IsValid(leaf, ReferenceTree.FlipBit(root, bits[1])));
            for (var i = 0; i < proof.Hashes.Count; i++)
            {
                Assert.False(WithFlippedHash(proof, i, bits[2 + i]).IsValid(leaf, root), $"flipped proof[{i}] of {index} in {n}");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Every_consistency_proof_verifies_and_fails_after_any_single_bit_flip()
    {
        var gen = from n in Gen.Int[1, ReferenceTree.MaxSize]
                  from m in Gen.Int[1, n]
                  from bits in Bit.Array[16]
                  select (m, n, bits);
        gen.Sample(c =>
        {
            var (m, n, bits) = c;
            var proof = ConsistencyProof.CreateAsync(ReferenceTree.Store, m, n).AsTask().GetAwaiter().GetResult();
            var oldRoot = ReferenceTree.Root(m);
            var newRoot = ReferenceTree.Root(n);
            Assert.True(proof.IsValid(oldRoot, newRoot), $"consistency {m} -> {n}");
            Assert.False(proof.IsValid(ReferenceTree.FlipBit(oldRoot, bits[0]), newRoot));
            Assert.False(proof.IsValid(oldRoot, ReferenceTree.FlipBit(newRoot, bits[1])));
            for (var i = 0; i < proof.Hashes.Count; i++)
            {
                Assert.False(WithFlippedHash(proof, i, bits[2 + i]).IsValid(oldRoot, newRoot), $"flipped proof[{i}] of {m} -> {n}");
            }
        }, iter: Iterations);
    }

    [Fact]
    public async Task Every_bit_of_every_hash_matters_for_one_inclusion_and_one_consistency_proof()
    {
        var inclusion = await InclusionProof.CreateAsync(ReferenceTree.Store, 1234, 4321);
        var leaf = ReferenceTree.LeafHashes[1234];
        var root = ReferenceTree.Root(4321);
        var consistency = await ConsistencyProof.CreateAsync(ReferenceTree.Store, 1000, 4321);
        var oldRoot = ReferenceTree.Root(1000);
        for (var bit = 0; bit < 256; bit++)
        {
            Assert.False(inclusion.IsValid(ReferenceTree.FlipBit(leaf, bit), root));
            Assert.False(inclusion.IsValid(leaf, ReferenceTree.FlipBit(root, bit)));
            Assert.False(consistency.IsValid(ReferenceTree.FlipBit(oldRoot, bit), root));
            Assert.False(consistency.IsValid(oldRoot, ReferenceTree.FlipBit(root, bit)));
            for (var i = 0; i < inclusion.Hashes.Count; i++)
            {
                Assert.False(WithFlippedHash(inclusion, i, bit).IsValid(leaf, root));
            }

            for (var i = 0; i < consistency.Hashes.Count; i++)
            {
                Assert.False(WithFlippedHash(consistency, i, bit).IsValid(oldRoot, root));
            }
        }
    }

    [Fact]
    public void Stored_roots_match_the_recursive_definition_for_random_sizes()
    {
        Gen.Int[0, ReferenceTree.MaxSize].Sample(size =>
        {
            var expected = size == 0 ? MerkleHash.EmptyTreeRoot : ReferenceTree.Root(size);
            Assert.Equal(expected, MerkleTree.ComputeRootAsync(ReferenceTree.Store, size).AsTask().GetAwaiter().GetResult());
            Assert.Equal(expected, MerkleTree.ComputeRoot(ReferenceTree.LeafHashes.AsSpan(0, size)));
        }, iter: 100);
    }

    private static InclusionProof WithFlippedHash(InclusionProof proof, int index, int bit) =>
        proof with { Hashes = Flip(proof.Hashes, index, bit) };

    private static ConsistencyProof WithFlippedHash(ConsistencyProof proof, int index, int bit) =>
        proof with { Hashes = Flip(proof.Hashes, index, bit) };

    private static byte[][] Flip(IReadOnlyList<byte[]> hashes, int index, int bit) =>
        [.. hashes.Select((h, i) => i == index ? ReferenceTree.FlipBit(h, bit) : h)];
}
