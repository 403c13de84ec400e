using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Attachments;

/// <summary>
/// An incident's files: listed, and downloaded one at a time. Who may is the audience filter's to decide: an attachment
/// is in the table only for readers of its incident, so anyone else is answered 404, as if there were none.
/// </summary>
public static class IncidentAttachments
{
    public const string DownloadedEvent = "attachment-downloaded";

    public static async Task<Results<Ok<AttachmentList>, ProblemHttpResult>> List(string id, VigilDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return Problems.NotFound("incident " + id);
        }
        var items = await db.Attachments.AsNoTracking().Where(a => a.IncidentId == id)
            .OrderBy(a => a.SubmissionSequence).ThenBy(a => a.Id)
            .Select(a => new AttachmentListed(a.Sha256, a.FileName, a.MediaType, a.Size, a.SubmissionSequence, a.UploadedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new AttachmentList(id, items));
    }

    /// <summary>
    /// The file, as a download only (<see cref="DownloadHeaders"/>). The download is put on the record, where the
    /// incident's organisation sees it, before any byte is sent: a download that could not be recorded does not happen.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(
        string id, string sha256, HttpResponse response, ClaimsPrincipal user, VigilDbContext db, AttachmentBlobs blobs, EventRecorder events,
        CancellationToken cancellationToken)
    {
        var found = await db.Attachments.AsNoTracking().Where(a => a.IncidentId == id && a.Sha256 == sha256)
            .Join(db.Incidents, a => a.IncidentId, i => i.Id, (a, i) => new { a.Sha256, a.FileName, i.OrganisationId })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"attachment {sha256} of incident {id}");
        }
        var opened = blobs.Open(found.Sha256);
        if (opened.Plaintext is null)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "urn:vigil:problem:attachment-damaged", "The stored file is damaged",
                $"The file cannot be served: {opened.Damage}. Nothing was sent; the CERT's operators have been told in the server's log. "
                + "Uploading the same file again restores it.", null);
        }
        var details = new JsonObject { ["sha256"] = found.Sha256, ["name"] = found.FileName };
        await events.RecordAsync(new EventRecorder.Event(DownloadedEvent, AudienceFilters.Incident, id, details, found.OrganisationId, OrganisationMayRead: true),
            user, cancellationToken);
        DownloadHeaders.Apply(response, found.FileName);
        return TypedResults.File(opened.Plaintext, UploadAttachment.DefaultMediaType);
    }
}
