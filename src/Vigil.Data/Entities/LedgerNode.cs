namespace Vigil.Data.Entities;

/// <summary>The hash of one complete subtree of the log (level and index packed into <see cref="Key"/>); never changes.</summary>
public sealed class LedgerNode
{
    public long Key { get; init; }
    public required byte[] Hash { get; init; }
}
