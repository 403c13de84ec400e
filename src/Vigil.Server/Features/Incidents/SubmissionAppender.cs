using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Incidents;
using Vigil.Domain.Json;
using Vigil.Domain.Record;
using Vigil.Domain.Validation;
using Vigil.Ledger.Receipts;
using Vigil.Server.Features.Attachments;
using Vigil.Server.Features.Indicators;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Incidents;

/// <summary>
/// The one way anything is added to an incident's record. In one transaction: store the submission exactly as
/// received (canonical JSON), fold it into the incident's view, append its commitment to the transparency log, sign
/// a checkpoint and prove the leaf in it; files the submission attaches are linked to it in the same transaction.
/// Nothing here updates a submission.
/// </summary>
public sealed class SubmissionAppender(
    VigilDbContext db, RecordStep record, WriteTransactions writes, SubmissionAttachments attachments, TimeProvider clock,
    CosignedReceipts cosignedReceipts)
{
    /// <param name="Before">The incident's view before the submission: the labels its changes' old values were said under.</param>
    /// <param name="CosignedReceipt">When the receipt proved in a checkpoint the witnesses cosigned is expected.</param>
    public sealed record Appended(
        Incident Incident, Submission Submission, IReadOnlyList<FieldChange> Changes, Receipt Receipt, JsonObject Before, CosignedReceipts.Expected CosignedReceipt);

    /// <summary>Opens a new incident with its first report.</summary>
    public Task<(Appended? Appended, IReadOnlyList<FieldError> Errors)> OpenAsync(
        string organisationId, JsonElement body, JsonObject fields, ClaimsPrincipal actor, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var incident = new Incident
            {
                Id = Guid.CreateVersion7(now).ToString(),
                OrganisationId = organisationId,
                Title = "",
                Category = "",
                Description = "",
                Status = "",
                Tlp = "",
                View = IncidentFold.Initial().ToJsonString(),
                ReceivedAt = now,
            };
            db.Incidents.Add(incident);
            AccessGrants.NameAuthor(db, AudienceFilters.Incident, incident.Id, actor.UserId(), now);
            return await FoldAndRecordAsync(incident, SubmissionKind.Report, body, fields, actor, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Adds a submission to an existing incident. Appends to one incident are serialised: its row is locked
    /// (PostgreSQL) or the database's write lock is held (SQLite) before its view is read and folded.
    /// <paramref name="precondition"/>, if given, is checked on the incident as it stands under that lock, so that a
    /// rule such as "this status move is allowed" cannot be raced by a concurrent submission.
    /// </summary>
    public Task<(Appended? Appended, IReadOnlyList<FieldError> Errors)> AppendAsync(
        string incidentId, string kind, JsonElement body, JsonObject fields, ClaimsPrincipal actor, CancellationToken cancellationToken,
        Func<Incident, IReadOnlyList<FieldError>>? precondition = null) =>
        InTransactionAsync(async () =>
        {
            var incident = db.Database.IsNpgsql()
                ? await db.Incidents.FromSql($"SELECT * FROM incidents WHERE id = {incidentId} FOR UPDATE").SingleAsync(cancellationToken)
                : await db.Incidents.SingleAsync(i => i.Id == incidentId, cancellationToken);
            if (precondition?.Invoke(incident) is { Count: > 0 } refused)
            {
                return (null, refused);
            }
            return await FoldAndRecordAsync(incident, kind, body, fields, actor, cancellationToken);
        }, cancellationToken);

    private async Task<(Appended?, IReadOnlyList<FieldError>)> FoldAndRecordAsync(
        Incident incident, string kind, JsonElement body, JsonObject fields, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        // Attached files are resolved first: what is folded and stored names each with its name, media type and size.
        var attached = await attachments.ResolveAsync(incident, body, fields, actor, cancellationToken);
        if (attached.Errors.Count > 0)
        {
            return (null, attached.Errors);
        }
        var view = JsonNode.Parse(incident.View)!.AsObject();
        var before = (JsonObject)view.DeepClone();
        var changes = IncidentFold.Apply(view, fields);
        var errors = IncidentConsistency.Check(view, fields);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = await record.BeginAsync(cancellationToken);
        var labelBefore = incident.Tlp;
        Project(incident, view, now);
        if (labelBefore.Length > 0 && FieldLabels.LabelOf(before, "indicators") != FieldLabels.LabelOf(view, "indicators"))
        {
            // What was derived from the incident follows its label in this same transaction (a new one has nothing yet).
            await IndicatorSources.FollowAsync(db, incident, cancellationToken);
        }
        var entry = record.Append(kind, CanonicalJson.Serialize(attached.Body),
            (content, salt) => SubmissionCommitment.Compute(kind, incident.Id, incident.Version, now, content, salt));
        var submission = new Submission
        {
            IncidentId = incident.Id,
            Sequence = incident.Version,
            Kind = kind,
            ActorId = actor.UserId(),
            ActorRole = actor.Role(),
            ActorOrganisationId = actor.OrganisationId(),
            ReceivedAt = now,
            Content = entry.Content,
            ContentSha256 = entry.ContentSha256,
            Salt = entry.Salt,
            LeafIndex = entry.LeafIndex,
        };
        db.Submissions.Add(submission);
        await attached.LinkAsync(submission.Sequence, cancellationToken);
        await Notifications.Subscriptions.IncidentNotifications.AddAsync(db, incident, submission, before, cancellationToken);
        var proof = await record.SealAsync(entry, cancellationToken);
        var receipt = FiledReceipt.For(submission, proof.LeafHash, proof.Origin, proof.TlogProof);
        return (new Appended(incident, submission, changes, receipt, before, cosignedReceipts.For(submission.LeafIndex, now)), []);
    }

    /// <summary>Runs in the caller's transaction (the idempotency filter's) or in one of its own, committed on success.</summary>
    private async Task<(Appended?, IReadOnlyList<FieldError>)> InTransactionAsync(
        Func<Task<(Appended?, IReadOnlyList<FieldError>)>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        var result = await work();
        if (result.Item1 is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return result;
    }

    /// <summary>Copies the view into the incident's columns and counts one more submission.</summary>
    private static void Project(Incident incident, JsonObject view, DateTimeOffset now)
    {
        incident.Title = Text(view, "title");
        incident.Category = Text(view, "category");
        // Lists search the description; one labelled narrower than the incident is left out of the search.
        incident.Description = FieldLabels.LabelOf(view, "description") == FieldLabels.LabelOf(view, "tlp") ? Text(view, "description") : "";
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
