using System.Text.Json.Nodes;
using Vigil.Data.Entities;
using Vigil.Domain.Incidents;

namespace Vigil.Server.Features.Incidents;

/// <summary>An incident as it stands now: the fold of its submissions, plus what lists sort and filter on.</summary>
public sealed record IncidentResponse(
    string Id,
    string OrganisationId,
    string Title,
    string Category,
    string Status,
    string Tlp,
    string? AssigneeId,
    DateTimeOffset DetectedAt,
    DateTimeOffset? OccurredAt,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    int Submissions,
    IReadOnlyDictionary<string, string> DeclaredUnknown,
    JsonObject Fields)
{
    public static IncidentResponse From(Incident incident)
    {
        var view = JsonNode.Parse(incident.View)!.AsObject();
        var unknown = view.Where(p => UnknownDeclaration.IsDeclaration(p.Value))
            .ToDictionary(p => p.Key, p => UnknownDeclaration.ReasonOf(p.Value) ?? "");
        return new(incident.Id, incident.OrganisationId, incident.Title, incident.Category, incident.Status, incident.Tlp,
            incident.AssigneeId, incident.DetectedAt, incident.OccurredAt, incident.ReceivedAt, incident.UpdatedAt,
            incident.Version, unknown, view);
    }
}

/// <summary>One row of an incident list.</summary>
public sealed record IncidentSummary(
    string Id, string OrganisationId, string Title, string Category, string Status, string Tlp, string? AssigneeId,
    DateTimeOffset DetectedAt, DateTimeOffset ReceivedAt, DateTimeOffset UpdatedAt);

public sealed record IncidentPage(IReadOnlyList<IncidentSummary> Items, string? NextCursor);

public sealed record FieldChangeResponse(string Field, JsonNode? Old, JsonNode? New)
{
    public static IReadOnlyList<FieldChangeResponse> From(IEnumerable<FieldChange> changes) =>
        [.. changes.Select(c => new FieldChangeResponse(c.Field, c.Old, c.New))];
}

/// <summary>What the record now holds about one accepted submission.</summary>
public sealed record SubmissionResponse(
    string IncidentId, int Sequence, string Kind, DateTimeOffset ReceivedAt, string ContentSha256, IReadOnlyList<FieldChangeResponse> Changes);

/// <summary>
/// The answer to a successful submission: the incident as it now stands, the submission itself, and its receipt
/// (keep it: it proves what was filed and when, offline, with only the log's public key).
/// </summary>
public sealed record SubmissionAccepted(IncidentResponse Incident, SubmissionResponse Submission, Vigil.Server.Features.Ledger.Receipt Receipt);

public sealed record ActorResponse(string Id, string Role, string? OrganisationId);

public sealed record HistoryEntry(
    int Sequence, string Kind, DateTimeOffset ReceivedAt, ActorResponse Actor, string ContentSha256, JsonNode Content,
    IReadOnlyList<FieldChangeResponse> Changes);

public sealed record IncidentHistory(string IncidentId, IReadOnlyList<HistoryEntry> Submissions);

public sealed record CategoryResponse(string Code, string Numeral, string DisplayName);
