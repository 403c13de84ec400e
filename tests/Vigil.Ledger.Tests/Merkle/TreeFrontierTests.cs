namespace Vigil.Ledger.Tests.Merkle;

public class TreeFrontierTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(255, 513)]
    [InlineData(1024, 1025)]
    [InlineData(3333, 5000)]
    public async Task Frontier_loaded_from_stored_hashes_continues_the_tree(int loadedSize, int finalSize)
    {
        var frontier = await TreeFrontier.LoadAsync(ReferenceTree.Store, loadedSize);
        Assert.Equal(TreeFrontier.NodesFor(loadedSize), frontier.Nodes);
        var created = new List<(NodeId Node, byte[] Hash)>();
        for (var i = loadedSize; i < finalSize; i++)
        {
            Assert.Equal(i, frontier.Append(ReferenceTree.LeafHashes[i], (node, hash) => created.Add((node, hash))));
        }

        Assert.Equal(finalSize, frontier.Size);
        Assert.Equal(ReferenceTree.Root(finalSize), frontier.Root());
        Assert.All(created, c => Assert.Equal(ReferenceTree.Store.ReadHash(c.Node), c.Hash));
        Assert.Equal(finalSize - loadedSize, created.Count(c => c.Node.Level == 0));
    }

    [Fact]
    public void Frontier_of_a_size_is_its_binary_decomposition()
    {
        Assert.Equal([new NodeId(2, 0), new NodeId(1, 2), new NodeId(0, 6)], TreeFrontier.NodesFor(7));
        Assert.Equal([new NodeId(3, 0)], TreeFrontier.NodesFor(8));
        Assert.Empty(TreeFrontier.NodesFor(0));
    }

    [Fact]
    public void Appending_a_hash_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new TreeFrontier().Append(new byte[31]));
    }

    [Fact]
    public void Store_refuses_nodes_that_are_not_complete_yet()
    {
        var store = new InMemoryHashStore();
        store.AppendLeaf([1]);
        store.AppendLeaf([2]);
        store.AppendLeaf([3]);
        Assert.Throws<KeyNotFoundException>(() => store.ReadHash(new NodeId(1, 1)));
        Assert.Equal(MerkleHash.HashChildren(MerkleHash.HashLeaf([1]), MerkleHash.HashLeaf([2])), store.ReadHash(new NodeId(1, 0)));
    }

    [Fact]
    public async Task Proofs_outside_the_tree_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await InclusionProof.CreateAsync(ReferenceTree.Store, 5, 5));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await ConsistencyProof.CreateAsync(ReferenceTree.Store, 0, 5));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await ConsistencyProof.CreateAsync(ReferenceTree.Store, 6, 5));
        await Assert.ThrowsAsync<KeyNotFoundException>(async () => await InclusionProof.CreateAsync(ReferenceTree.Store, 0, ReferenceTree.MaxSize + 1));
    }

    [Fact]
    public void Verification_failure_names_what_failed()
    {
        var proof = new InclusionProof(3, 2, []);
        var error = Assert.Throws<LedgerVerificationException>(() => proof.Verify(new byte[32], new byte[32]));
        Assert.Contains("outside a tree of 2 leaves", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0L)]
    [InlineData(3, 12345L)]
    [InlineData(62, 1L)]
    [InlineData(0, (1L << 57) - 1)]
    public void Storage_key_round_trips_and_is_unique_per_node(int level, long index)
    {
        var node = new NodeId(level, index);
        Assert.Equal(node, NodeId.FromStorageKey(node.ToStorageKey()));
        var neighbour = level < 62 ? new NodeId(level + 1, index) : new NodeId(level - 1, index);
        Assert.NotEqual(neighbour.ToStorageKey(), node.ToStorageKey());
    }

    [Fact]
    public void Node_beyond_the_storage_key_range_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new NodeId(0, 1L << 57).ToStorageKey());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(512)]
    [InlineData(513)]
    [InlineData(100_000)]
    public void Leaf_hash_is_sha256_of_zero_byte_and_data_at_any_length(int length)
    {
        var data = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        Assert.Equal(System.Security.Cryptography.SHA256.HashData([0x00, .. data]), MerkleHash.HashLeaf(data));
    }
}
