namespace Vigil.Data.Entities;

/// <summary>
/// One leaf of the transparency log. <see cref="Data"/> is the submission's commitment (what tiles and entry bundles
/// publish); <see cref="LeafHash"/> is RFC 9162's SHA-256(0x00 || Data). Rows are only ever inserted.
/// </summary>
public sealed class LedgerLeaf
{
    public long Index { get; init; }
    public required byte[] Data { get; init; }
    public required byte[] LeafHash { get; init; }
    public required string Kind { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
