using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Incidents;
using Vigil.Domain.Record;
using Vigil.Domain.Regimes;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Features.Incidents;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.InboundMail;

/// <summary>
/// What an analyst decides about an inbound message, the API's and the pages' one way: confirm a draft into a report
/// (or an update of the incident it replies to) through <see cref="SubmissionAppender"/>, reject it, assign a
/// quarantined message to an organisation (it becomes a draft) or discard it. Each decision is an event on the record,
/// in the transaction that makes it; a message already decided is refused (409), so two analysts cannot both act.
/// </summary>
public sealed class InboundDecisions(
    VigilDbContext db, SubmissionAppender appender, EventRecorder events, WriteTransactions writes, RegimeCatalog regimes, TimeProvider clock)
{
    public const string RawFileExtension = ".eml";

    public sealed record Outcome(InboundMessage? Message, IReadOnlyList<FieldError> Errors, SubmissionAppender.Appended? Appended = null,
        bool NotFound = false, bool AlreadyDecided = false);

    /// <summary>
    /// Files the draft: <paramref name="body"/> is the report (or update) as the analyst completed it; title and
    /// description default to the mail's subject and text. The raw message is attached, and the stored submission
    /// carries <c>received_by_mail_at</c>, the mail's arrival, which the regimes engine takes as its received time.
    /// </summary>
    public async Task<Outcome> ConfirmAsync(string id, JsonObject body, ClaimsPrincipal analyst, CancellationToken cancellationToken)
    {
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        var message = await db.InboundMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (Refusal(message, InboundStates.Draft) is { } refused)
        {
            return refused;
        }
        var update = message!.RepliesToIncidentId is not null;
        if (update)
        {
            body.TryAdd(SubmissionReader.NarrativeMember, message.BodyText);
        }
        else
        {
            body.TryAdd("title", string.IsNullOrWhiteSpace(message.Subject) ? "(no subject)" : message.Subject.Trim());
            body.TryAdd("description", message.BodyText.Trim().Length > 0 ? message.BodyText.Trim() : "(no text)");
        }
        var element = JsonSerializer.SerializeToElement(body);
        var read = update ? SubmissionReader.ReadUpdate(element, clock.GetUtcNow(), regimes) : SubmissionReader.ReadReport(element, clock.GetUtcNow(), regimes);
        if (!read.IsValid)
        {
            return new Outcome(message, read.Errors);
        }
        var raw = AttachRaw(message, analyst);
        await db.SaveChangesAsync(cancellationToken);
        read.Fields[AttachmentReference.Field] = AttachmentsWith(read.Fields[AttachmentReference.Field], raw);
        body[AttachmentReference.Field] = read.Fields[AttachmentReference.Field]!.DeepClone();
        // Vigil's own annotation, added after the body was read (a body sent with it is refused as an unknown field).
        body[SubmissionAnnotations.ReceivedByMailAt] = SubmissionCommitment.FormatTime(message.ReceivedAt);
        var stored = JsonSerializer.SerializeToElement(body);
        var (appended, errors) = update
            ? await appender.AppendAsync(message.RepliesToIncidentId!, SubmissionKind.Update, stored, read.Fields, analyst, cancellationToken)
            : await appender.OpenAsync(message.OrganisationId!, stored, read.Fields, analyst, cancellationToken);
        if (appended is null)
        {
            return new Outcome(message, errors);
        }
        if (!update)
        {
            // The incident was received when its mail arrived; lists and periods count it from then.
            await db.Incidents.Where(i => i.Id == appended.Incident.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ReceivedAt, message.ReceivedAt), cancellationToken);
            await db.Entry(appended.Incident).ReloadAsync(cancellationToken);
        }
        message.IncidentId = appended.Incident.Id;
        message.SubmissionSequence = appended.Submission.Sequence;
        await DecideAsync(message, InboundStates.Confirmed, InboundStates.ConfirmedEvent, analyst, new JsonObject
        {
            ["incident_id"] = appended.Incident.Id,
            ["sequence"] = appended.Submission.Sequence,
            ["sha256"] = message.RawSha256,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(message, [], appended);
    }

    public Task<Outcome> RejectAsync(string id, string reason, ClaimsPrincipal analyst, CancellationToken cancellationToken) =>
        CloseAsync(id, InboundStates.Draft, InboundStates.Rejected, InboundStates.RejectedEvent, reason, analyst, cancellationToken);

    public Task<Outcome> DiscardAsync(string id, string reason, ClaimsPrincipal analyst, CancellationToken cancellationToken) =>
        CloseAsync(id, InboundStates.Quarantine, InboundStates.Discarded, InboundStates.DiscardedEvent, reason, analyst, cancellationToken);

    /// <summary>A quarantined message the analyst knows the sender of becomes that organisation's draft.</summary>
    public async Task<Outcome> AssignAsync(string id, string organisationId, ClaimsPrincipal analyst, CancellationToken cancellationToken)
    {
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        var message = await db.InboundMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (Refusal(message, InboundStates.Quarantine) is { } refused)
        {
            return refused;
        }
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return new Outcome(message, [new FieldError("/organisation_id", "is not a registered organisation")]);
        }
        message!.OrganisationId = organisationId;
        message.MatchedBy = SenderMatch.ByAnalyst;
        // Not yet a decision about the message (the draft still waits for one): the assignment is recorded as it is.
        message.State = InboundStates.Draft;
        await events.RecordAsync(new EventRecorder.Event(InboundStates.AssignedEvent, InboundStates.ObjectKind, message.Id,
            new JsonObject { ["organisation_id"] = organisationId, ["state"] = message.State }, organisationId), analyst, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(message, []);
    }

    private async Task<Outcome> CloseAsync(string id, string from, string to, string eventKind, string reason, ClaimsPrincipal analyst, CancellationToken cancellationToken)
    {
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        var message = await db.InboundMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (Refusal(message, from) is { } refused)
        {
            return refused;
        }
        await DecideAsync(message!, to, eventKind, analyst, new JsonObject { ["reason"] = reason }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(message, []);
    }

    private static Outcome? Refusal(InboundMessage? message, string expected) => message switch
    {
        null => new Outcome(null, [], NotFound: true),
        { State: var state } when state != expected => new Outcome(message, [new FieldError("", $"the message is {state}, not {expected}")], AlreadyDecided: true),
        _ => null,
    };

    private async Task DecideAsync(InboundMessage message, string state, string eventKind, ClaimsPrincipal analyst, JsonObject details, CancellationToken cancellationToken)
    {
        message.State = state;
        message.DecidedBy = analyst.UserId();
        message.DecidedAt = clock.GetUtcNow();
        details["state"] = state;
        await events.RecordAsync(new EventRecorder.Event(eventKind, InboundStates.ObjectKind, message.Id, details, message.OrganisationId), analyst, cancellationToken);
    }

    /// <summary>The raw message as an upload of the confirming analyst's, which the appender then links to the submission.</summary>
    private Attachment AttachRaw(InboundMessage message, ClaimsPrincipal analyst)
    {
        var upload = new Attachment
        {
            Sha256 = message.RawSha256,
            FileName = "message-" + message.Id + RawFileExtension,
            MediaType = "message/rfc822",
            Size = message.RawSize,
            UploadedBy = analyst.UserId(),
            OrganisationId = analyst.OrganisationId(),
            UploadedAt = clock.GetUtcNow(),
        };
        db.Attachments.Add(upload);
        return upload;
    }

    private static JsonArray AttachmentsWith(JsonNode? listed, Attachment raw)
    {
        var list = listed is JsonArray given ? (JsonArray)given.DeepClone() : [];
        list.Add(new JsonObject { [AttachmentReference.Sha256Member] = raw.Sha256, [AttachmentReference.NameMember] = raw.FileName });
        return list;
    }
}
