namespace Vigil.Data.Entities;

/// <summary>A witness's cosignature on one checkpoint (a C2SP tlog-cosignature line), served with the checkpoint.</summary>
public sealed class WitnessCosignature
{
    public long Id { get; init; }
    public long CheckpointId { get; init; }
    public required string Witness { get; init; }
    /// <summary>The signature line as the witness returned it.</summary>
    public required string Line { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
