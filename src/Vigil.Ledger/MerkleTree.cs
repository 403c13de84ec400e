namespace Vigil.Ledger;

/// <summary>RFC 9162 Merkle tree hashing.</summary>
public static class MerkleTree
{
}
