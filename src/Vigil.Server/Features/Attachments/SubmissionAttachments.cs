using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Incidents;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Attachments;

/// <summary>
/// The files a report or update names in <c>attachments</c>, resolved to uploads the submitter may attach: its own,
/// its organisation's, or one already on an incident it may read that it or its organisation uploaded. Each reference
/// is completed with the file's name, media type and size, in the fields folded into the view and in the content
/// stored and committed to the log; the rows are linked to the submission in the appender's transaction.
/// </summary>
public sealed class SubmissionAttachments(VigilDbContext db, IOptions<AttachmentsOptions> options, TimeProvider clock)
{
    /// <summary>What a submission attaches: the problems found, or the body to store and the links to make.</summary>
    public sealed class Resolution(IReadOnlyList<FieldError> errors, JsonElement body, IReadOnlyList<Func<int, CancellationToken, Task>> links)
    {
        public IReadOnlyList<FieldError> Errors => errors;

        /// <summary>The body as it is stored: its attachments with name, media type and size.</summary>
        public JsonElement Body => body;

        /// <summary>Links the attached rows to the submission numbered <paramref name="sequence"/>; called under the log's lock.</summary>
        public async Task LinkAsync(int sequence, CancellationToken cancellationToken)
        {
            foreach (var link in links)
            {
                await link(sequence, cancellationToken);
            }
        }
    }

    /// <summary>Resolves the body's attachments; completes <paramref name="fields"/>' list in place when all resolve.</summary>
    public async Task<Resolution> ResolveAsync(Incident incident, JsonElement body, JsonObject fields, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        if (fields[AttachmentReference.Field] is not JsonArray references)
        {
            return new Resolution([], body, []);
        }
        var onIncident = (await db.Attachments.AsNoTracking().Where(a => a.IncidentId == incident.Id).Select(a => a.Sha256).ToListAsync(cancellationToken)).ToHashSet();
        var errors = new List<FieldError>();
        var completed = new JsonArray();
        var links = new List<Func<int, CancellationToken, Task>>();
        for (var i = 0; i < references.Count; i++)
        {
            var sha256 = references[i]![AttachmentReference.Sha256Member]!.GetValue<string>();
            var source = await SourceAsync(sha256, actor.UserId(), actor.OrganisationId(), cancellationToken);
            if (source is null)
            {
                errors.Add(new FieldError($"/{AttachmentReference.Field}/{i.ToString(CultureInfo.InvariantCulture)}/{AttachmentReference.Sha256Member}",
                    "is not a file you or your organisation uploaded in the last " + options.Value.UnattachedLifetime.TotalHours.ToString(CultureInfo.InvariantCulture) + " h, nor one already attached to an incident you may read"));
                continue;
            }
            var name = references[i]![AttachmentReference.NameMember]?.GetValue<string>() ?? source.FileName;
            completed.Add(new JsonObject
            {
                [AttachmentReference.Sha256Member] = sha256,
                [AttachmentReference.NameMember] = name,
                [AttachmentReference.MediaTypeMember] = source.MediaType,
                [AttachmentReference.SizeMember] = source.Size,
            });
            if (onIncident.Add(sha256))
            {
                links.Add((sequence, ct) => LinkAsync(source, incident.Id, name, sequence, ct));
            }
        }
        if (errors.Count > 0)
        {
            return new Resolution(errors, body, []);
        }
        fields[AttachmentReference.Field] = completed;
        var stored = JsonNode.Parse(body.GetRawText())!.AsObject();
        stored[AttachmentReference.Field] = completed.DeepClone();
        return new Resolution([], JsonSerializer.SerializeToElement(stored), links);
    }

    private async Task<Attachment?> SourceAsync(string sha256, string userId, string? organisationId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - options.Value.UnattachedLifetime;
        // A writer keeping the record in step: an upload not yet attached is visible to its uploader alone, but the
        // organisation files together (one member uploads, another reports), so a colleague's upload is found here.
        var pending = await db.Attachments.IgnoreQueryFilters([AudienceFilters.Name])
            .Where(a => a.Sha256 == sha256 && a.IncidentId == null && a.UploadedAt >= since
                && (a.UploadedBy == userId || (organisationId != null && a.OrganisationId == organisationId)))
            .OrderBy(a => a.UploadedBy == userId ? 0 : 1).ThenBy(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        // Otherwise a file already attached, through the filter: only on an incident the submitter may read.
        return pending ?? await db.Attachments.AsNoTracking()
            .Where(a => a.Sha256 == sha256 && a.IncidentId != null && (a.UploadedBy == userId || (organisationId != null && a.OrganisationId == organisationId)))
            .OrderBy(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>An upload attached under its own name becomes the incident's row; otherwise the incident gets a row of its own.</summary>
    private async Task LinkAsync(Attachment source, string incidentId, string name, int sequence, CancellationToken cancellationToken)
    {
        if (db.Entry(source).State == EntityState.Unchanged)
        {
            // Read again under the log's lock, which every submission takes: an upload that a submission committed
            // since linked elsewhere is seen as linked, and copied rather than taken from that incident.
            await db.Entry(source).ReloadAsync(cancellationToken);
        }
        if (source.IncidentId is null && source.FileName == name && db.Entry(source).State == EntityState.Unchanged)
        {
            source.IncidentId = incidentId;
            source.SubmissionSequence = sequence;
            return;
        }
        db.Attachments.Add(new Attachment
        {
            Sha256 = source.Sha256,
            FileName = name,
            MediaType = source.MediaType,
            Size = source.Size,
            UploadedBy = source.UploadedBy,
            OrganisationId = source.OrganisationId,
            UploadedAt = source.UploadedAt,
            IncidentId = incidentId,
            SubmissionSequence = sequence,
        });
    }
}
