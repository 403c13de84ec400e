namespace Vigil.Data.Entities;

/// <summary>
/// One widening of a labelled thing's audience beyond what its label gives by default: the CERT sharing an AMBER thing
/// with a named organisation, or a person named on a RED thing. Granting and revoking are on the record
/// (<see cref="RecordEvent"/>); a revoked grant stays for the history.
/// </summary>
public sealed class AccessGrant
{
    public long Id { get; init; }
    /// <summary>What is shared: <c>incident</c>, <c>note</c>, <c>collection</c> or <c>advisory</c>.</summary>
    public required string ObjectKind { get; init; }
    public required string ObjectId { get; init; }
    /// <summary>The organisation shared with (AMBER); null for a person named.</summary>
    public string? OrganisationId { get; init; }
    /// <summary>The person named (RED); null for an organisation shared with.</summary>
    public string? UserId { get; init; }
    /// <summary>Who granted it; null when Vigil named someone itself (the author of a note, the filer of a report).</summary>
    public string? GrantedBy { get; init; }
    public DateTimeOffset GrantedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
}
