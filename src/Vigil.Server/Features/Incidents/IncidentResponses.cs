using System.Text.Json.Nodes;
using Vigil.Data.Entities;
using Vigil.Domain.Incidents;
using Vigil.Ledger.Receipts;

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
    /// <summary>The incident as <paramref name="audience"/>'s reader may see it: fields labelled narrower than it may read are withheld.</summary>
    public static IncidentResponse From(Incident incident, IncidentAudience audience)
    {
        var view = audience.Redact(audience.Now, audience.Now);
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
    /// <summary>
    /// The changes one submission made, each value shown only if the reader may read it under the label it was said
    /// under: an old value as the incident stood <paramref name="before"/>, a new one as it stood <paramref name="after"/>.
    /// </summary>
    public static IReadOnlyList<FieldChangeResponse> From(IEnumerable<FieldChange> changes, IncidentAudience audience, JsonObject before, JsonObject after) =>
        [.. changes.Select(c => new FieldChangeResponse(c.Field, Shown(c.Field, c.Old, audience, before), Shown(c.Field, c.New, audience, after)))];

    private static JsonNode? Shown(string field, JsonNode? value, IncidentAudience audience, JsonObject then) =>
        value is null || audience.MayReadField(field, then) ? value : Withheld(FieldLabels.LabelOf(then, field));

    public static JsonObject Withheld(string label) => new() { [FieldLabels.WithheldMember] = "TLP:" + label };
}

/// <summary>What the record now holds about one accepted submission.</summary>
public sealed record SubmissionResponse(
    string IncidentId, int Sequence, string Kind, DateTimeOffset ReceivedAt, string ContentSha256, IReadOnlyList<FieldChangeResponse> Changes);

/// <summary>
/// The answer to a successful submission: the incident as it now stands, the submission itself, and its receipt
/// (keep it: it proves what was filed and when, offline, with only the log's public key), and when the same receipt
/// proved in a checkpoint the witnesses cosigned can be fetched.
/// </summary>
public sealed record SubmissionAccepted(
    IncidentResponse Incident, SubmissionResponse Submission, Receipt Receipt,
    Vigil.Server.Features.Ledger.CosignedReceipts.Expected CosignedReceipt);

public sealed record ActorResponse(string Id, string Role, string? OrganisationId);

public sealed record HistoryEntry(
    int Sequence, string Kind, DateTimeOffset ReceivedAt, ActorResponse Actor, string ContentSha256, JsonNode Content,
    IReadOnlyList<FieldChangeResponse> Changes);

public sealed record IncidentHistory(string IncidentId, IReadOnlyList<HistoryEntry> Submissions);

public sealed record CategoryResponse(string Code, string Numeral, string DisplayName);
