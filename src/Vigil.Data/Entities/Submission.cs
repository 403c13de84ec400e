namespace Vigil.Data.Entities;

/// <summary>
/// One immutable change to the record: a first report, an update, a status move, an assignment. The content is
/// the RFC 8785 canonical JSON of what was received. Rows are only ever inserted.
/// </summary>
public sealed class Submission
{
    public long Id { get; init; }
    public required string IncidentId { get; init; }
    /// <summary>1 for the first report, then one more per submission on the same incident.</summary>
    public int Sequence { get; init; }
    public required string Kind { get; init; }
    public required string ActorId { get; init; }
    public required string ActorRole { get; init; }
    public string? ActorOrganisationId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public required string Content { get; init; }
    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/> as UTF-8.</summary>
    public required string ContentSha256 { get; init; }
    /// <summary>The commitment's secret salt: given to the submitter in the receipt, never published.</summary>
    public required byte[] Salt { get; init; }
    /// <summary>The submission's leaf in the transparency log.</summary>
    public long LeafIndex { get; init; }
}
