namespace Vigil.Data.Entities;

/// <summary>
/// A change to the record that is not an incident's submission or a note's revision: an administrative change
/// (organisations, users, roles, tokens, collections, providers, labels, shares), a read of a confidential incident by
/// someone outside its organisation, an attachment's download, an analyst's internal remark. Each is a leaf of the
/// transparency log, committed with its own salt like a submission. Rows are only ever inserted.
/// </summary>
public sealed class RecordEvent
{
    public long Id { get; init; }
    /// <summary>What happened, such as <c>user-disabled</c> or <c>incident-read</c>.</summary>
    public required string Kind { get; init; }
    /// <summary>Who did it; null for Vigil itself (a scheduled job).</summary>
    public string? ActorId { get; init; }
    public string? ActorRole { get; init; }
    public string? ActorOrganisationId { get; init; }
    /// <summary>What it was done to: <c>user</c>, <c>organisation</c>, <c>incident</c>, <c>collection</c>...</summary>
    public required string ObjectKind { get; init; }
    public required string ObjectId { get; init; }
    /// <summary>The organisation the event concerns, if any: its members see the event when <see cref="OrganisationMayRead"/>.</summary>
    public string? OrganisationId { get; init; }
    /// <summary>False for what only the CERT sees (an internal remark, a change to a user).</summary>
    public bool OrganisationMayRead { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    /// <summary>The event's details in RFC 8785 canonical JSON: never a secret, only what the record must say.</summary>
    public required string Content { get; init; }
    public required string ContentSha256 { get; init; }
    public required byte[] Salt { get; init; }
    public long LeafIndex { get; init; }
}
