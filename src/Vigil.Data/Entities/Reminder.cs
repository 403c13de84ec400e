namespace Vigil.Data.Entities;

/// <summary>
/// A reminder raised once for a deadline: a lead time before it, or its passing. An event for the notifications to
/// deliver, not part of the record (it changes nothing about the incident). Unique per incident, subject, due time
/// and lead, so it is raised exactly once however many servers look.
/// </summary>
public sealed class Reminder
{
    public long Id { get; init; }
    public required string IncidentId { get; init; }
    public required string OrganisationId { get; init; }
    /// <summary><c>regime-id/stage-id</c> or <c>request/N</c>.</summary>
    public required string Subject { get; init; }
    public string? RegimeId { get; init; }
    public string? StageId { get; init; }
    /// <summary>The request's sequence on the incident, for a request's reminder.</summary>
    public int? RequestSequence { get; init; }
    /// <summary><c>due_soon</c> or <c>overdue</c>.</summary>
    public required string Kind { get; init; }
    /// <summary>How long before the due time, in seconds; 0 for an overdue reminder.</summary>
    public long LeadSeconds { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
}
