using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Incidents;
using Vigil.Domain.Json;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Incidents;

/// <summary>
/// The one way anything is added to an incident's record: store the submission exactly as received (canonical
/// JSON), fold it into the incident's view, and save both together. Nothing here updates a submission.
/// </summary>
public sealed class SubmissionAppender(VigilDbContext db, TimeProvider clock)
{
    public sealed record Appended(Incident Incident, Submission Submission, IReadOnlyList<FieldChange> Changes);

    /// <summary>Opens a new incident with its first report.</summary>
    public async Task<(Appended? Appended, IReadOnlyList<FieldError> Errors)> OpenAsync(
        string organisationId, JsonElement body, JsonObject fields, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var view = IncidentFold.Initial();
        var changes = IncidentFold.Apply(view, fields);
        var errors = IncidentConsistency.Check(view, fields);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var incident = new Incident
        {
            Id = Guid.CreateVersion7(now).ToString(),
            OrganisationId = organisationId,
            Title = "",
            Category = "",
            Description = "",
            Status = "",
            Tlp = "",
            View = "",
            ReceivedAt = now,
        };
        Project(incident, view, now);
        var submission = NewSubmission(incident, SubmissionKind.Report, body, actor, now);
        db.Incidents.Add(incident);
        db.Submissions.Add(submission);
        await db.SaveChangesAsync(cancellationToken);
        return (new Appended(incident, submission, changes), []);
    }

    /// <summary>
    /// Adds a submission to an existing incident. Appends to one incident are serialised: the incident's row is
    /// locked (PostgreSQL) or the database's write lock is taken (SQLite) before its view is read and folded.
    /// </summary>
    public async Task<(Appended? Appended, IReadOnlyList<FieldError> Errors)> AppendAsync(
        string incidentId, string kind, JsonElement body, JsonObject fields, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var incident = await LockAsync(incidentId, cancellationToken);
            var now = clock.GetUtcNow();
            var view = JsonNode.Parse(incident.View)!.AsObject();
            var changes = IncidentFold.Apply(view, fields);
            var errors = IncidentConsistency.Check(view, fields);
            if (errors.Count > 0)
            {
                return (null, errors);
            }
            Project(incident, view, now);
            var submission = NewSubmission(incident, kind, body, actor, now);
            db.Submissions.Add(submission);
            await db.SaveChangesAsync(cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }
            return (new Appended(incident, submission, changes), []);
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    private Task<Incident> LockAsync(string incidentId, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? db.Incidents.FromSql($"SELECT * FROM incidents WHERE id = {incidentId} FOR UPDATE").SingleAsync(cancellationToken)
            // SQLite: the transaction began IMMEDIATE, so this connection already holds the only write lock.
            : db.Incidents.SingleAsync(i => i.Id == incidentId, cancellationToken);

    private Submission NewSubmission(Incident incident, string kind, JsonElement body, ClaimsPrincipal actor, DateTimeOffset now)
    {
        var content = CanonicalJson.Serialize(body);
        return new Submission
        {
            IncidentId = incident.Id,
            Sequence = incident.Version,
            Kind = kind,
            ActorId = actor.UserId(),
            ActorRole = actor.Role(),
            ActorOrganisationId = actor.OrganisationId(),
            ReceivedAt = now,
            Content = content,
            ContentSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))),
        };
    }

    /// <summary>Copies the view into the incident's columns and counts one more submission.</summary>
    private static void Project(Incident incident, JsonObject view, DateTimeOffset now)
    {
        incident.Title = Text(view, "title");
        incident.Category = Text(view, "category");
        incident.Description = Text(view, "description");
        incident.Status = Text(view, "status");
        incident.Tlp = Text(view, "tlp");
        incident.AssigneeId = view["assignee_id"] is JsonValue a && a.TryGetValue<string>(out var assignee) ? assignee : null;
        incident.DetectedAt = IncidentConsistency.TimestampOf(view["detected_at"])?.ToUniversalTime() ?? incident.DetectedAt;
        incident.OccurredAt = IncidentConsistency.TimestampOf(view["occurred_at"])?.ToUniversalTime();
        incident.UpdatedAt = now;
        incident.Version += 1;
        incident.View = view.ToJsonString();
    }

    private static string Text(JsonObject view, string field) =>
        view[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
