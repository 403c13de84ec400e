namespace Vigil.Data.Entities;

/// <summary>A checkpoint the log signed (a C2SP signed note), kept so that the log's every statement can be audited.</summary>
public sealed class LedgerCheckpoint
{
    public long Id { get; init; }
    public long TreeSize { get; init; }
    public required byte[] RootHash { get; init; }
    /// <summary>The signed note exactly as issued.</summary>
    public required string Note { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
