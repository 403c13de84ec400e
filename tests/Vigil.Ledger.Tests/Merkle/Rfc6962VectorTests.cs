using System.Text.Json;

namespace Vigil.Ledger.Tests.Merkle;

public class Rfc6962VectorTests
{
    private static readonly JsonElement Vectors = TlogVectors.Load("rfc6962-merkle-vectors.json");

    private static byte[][] LeafHashes =>
        [.. Vectors.GetProperty("leavesHex").EnumerateArray().Select(l => MerkleHash.HashLeaf(l.Hex()))];

    private static InMemoryHashStore Store()
    {
        var store = new InMemoryHashStore();
        foreach (var leaf in Vectors.GetProperty("leavesHex").EnumerateArray())
        {
            store.AppendLeaf(leaf.Hex());
        }

        return store;
    }

    [Fact]
    public void Leaf_hashes_match_level_zero_node_hashes()
    {
        var expected = Vectors.GetProperty("nodeHashesByLevel")[0].EnumerateArray().Select(h => h.GetString()).ToList();
        Assert.Equal(expected, LeafHashes.Select(h => Convert.ToHexStringLower(h)));
    }

    [Fact]
    public void Stored_node_hashes_match_every_level()
    {
        var store = Store();
        var levels = Vectors.GetProperty("nodeHashesByLevel").EnumerateArray().ToList();
        for (var level = 0; level < levels.Count; level++)
        {
            var expected = levels[level].EnumerateArray().ToList();
            for (var index = 0; index < expected.Count; index++)
            {
                Assert.Equal(expected[index].Hex(), store.ReadHash(new NodeId(level, index)));
            }
        }
    }

    [Fact]
    public async Task Roots_for_sizes_0_to_8_match_from_leaves_and_from_stored_hashes()
    {
        var store = Store();
        var roots = Vectors.GetProperty("roots").EnumerateArray().ToList();
        Assert.Equal(9, roots.Count);
        foreach (var root in roots)
        {
            var size = root.GetProperty("treeSize").GetInt32();
            var expected = root.GetProperty("rootHex").Hex();
            Assert.Equal(expected, root.GetProperty("rootB64").Base64());
            Assert.Equal(expected, MerkleTree.ComputeRoot(LeafHashes.AsSpan(0, size)));
            Assert.Equal(expected, await MerkleTree.ComputeRootAsync(store, size));
        }
    }

    [Fact]
    public async Task All_36_inclusion_proofs_are_generated_exactly_and_verify()
    {
        var store = Store();
        var cases = Vectors.GetProperty("allInclusion").EnumerateArray().ToList();
        Assert.Equal(36, cases.Count);
        foreach (var c in cases)
        {
            var index = c.GetProperty("leafIndex").GetInt64();
            var size = c.GetProperty("treeSize").GetInt64();
            var proof = await InclusionProof.CreateAsync(store, index, size);
            Assert.Equal(c.GetProperty("pathHex").EnumerateArray().Select(p => p.GetString()), proof.Hashes.Select(Convert.ToHexStringLower));
            proof.Verify(c.GetProperty("leafHashHex").Hex(), c.GetProperty("rootHex").Hex());
        }
    }

    [Fact]
    public async Task All_36_consistency_proofs_are_generated_exactly_and_verify()
    {
        var store = Store();
        var cases = Vectors.GetProperty("allConsistency").EnumerateArray().ToList();
        Assert.Equal(36, cases.Count);
        foreach (var c in cases)
        {
            var proof = await ConsistencyProof.CreateAsync(store, c.GetProperty("size1").GetInt64(), c.GetProperty("size2").GetInt64());
            Assert.Equal(c.GetProperty("proofHex").EnumerateArray().Select(p => p.GetString()), proof.Hashes.Select(Convert.ToHexStringLower));
            proof.Verify(c.GetProperty("root1Hex").Hex(), c.GetProperty("root2Hex").Hex());
        }
    }

    [Fact]
    public async Task Reference_inclusion_and_consistency_proofs_are_generated_exactly()
    {
        var store = Store();
        foreach (var c in Vectors.GetProperty("referenceInclusion").EnumerateArray())
        {
            var proof = await InclusionProof.CreateAsync(store, c.GetProperty("leafIndex").GetInt64(), c.GetProperty("treeSize").GetInt64());
            Assert.Equal(c.GetProperty("pathHex").EnumerateArray().Select(p => p.GetString()), proof.Hashes.Select(Convert.ToHexStringLower));
        }

        foreach (var c in Vectors.GetProperty("referenceConsistency").EnumerateArray())
        {
            var proof = await ConsistencyProof.CreateAsync(store, c.GetProperty("size1").GetInt64(), c.GetProperty("size2").GetInt64());
            Assert.Equal(c.GetProperty("proofHex").EnumerateArray().Select(p => p.GetString()), proof.Hashes.Select(Convert.ToHexStringLower));
        }
    }

    [Fact]
    public void Empty_tree_root_is_sha256_of_nothing()
    {
        Assert.Equal(Vectors.GetProperty("roots")[0].GetProperty("rootHex").Hex(), MerkleHash.EmptyTreeRoot);
        Assert.Equal(MerkleHash.EmptyTreeRoot, MerkleTree.ComputeRoot([]));
    }
}
