namespace Vigil.Ledger;

/// <summary>
/// Reads stored hashes of complete subtrees, so that roots and proofs can be computed from storage in
/// O(log n) reads. A database table of nodes, a set of tiles or memory can back it.
/// </summary>
public interface IHashReader
{
    /// <summary>
    /// Returns the hash of each requested node, in the order requested. Every node asked for is a complete
    /// subtree of a tree the caller knows to exist; an implementation throws if one is missing.
    /// </summary>
    ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken = default);
}
