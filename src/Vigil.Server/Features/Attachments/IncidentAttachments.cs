using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Incidents;
using Vigil.Server.Features.Events;
using Vigil.Server.Features.Incidents;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Web;

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
        if (await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } incident)
        {
            return Problems.NotFound("incident " + id);
        }
        return TypedResults.Ok(new AttachmentList(id, await ListAsync(db, incident, cancellationToken)));
    }

    /// <summary>The files of an incident the reader may have, in the order they were attached: the API's list and the incident page alike.</summary>
    public static async Task<IReadOnlyList<AttachmentListed>> ListAsync(VigilDbContext db, Incident incident, CancellationToken cancellationToken)
    {
        var readable = await ReadableSequencesAsync(db, incident, cancellationToken);
        var items = await db.Attachments.AsNoTracking().Where(a => a.IncidentId == incident.Id)
            .OrderBy(a => a.SubmissionSequence).ThenBy(a => a.Id)
            .Select(a => new AttachmentListed(a.Sha256, a.FileName, a.MediaType, a.Size, a.SubmissionSequence, a.UploadedAt))
            .ToListAsync(cancellationToken);
        return [.. items.Where(a => a.Submission is { } s && readable.Contains(s))];
    }

    /// <summary>
    /// The submissions whose files the reader may have: a file goes with the label its submission's attachments were
    /// said under (the incident's, or the attachments field's own if narrower), then and now.
    /// </summary>
    private static async Task<HashSet<int>> ReadableSequencesAsync(VigilDbContext db, Incident incident, CancellationToken cancellationToken)
    {
        var audience = await IncidentAudience.ForAsync(db, incident, cancellationToken);
        return [.. (await IncidentReplay.LoadAsync(db, incident.Id, cancellationToken))
            .Where(step => audience.MayReadSaidUnder(step.After) && audience.MayReadField(AttachmentReference.Field, step.After))
            .Select(step => step.Submission.Sequence)];
    }

    /// <summary>A file handed out: its bytes and name, or why a stored file could not be opened.</summary>
    public sealed record Fetched(string FileName, byte[]? Plaintext, string? Damage);

    /// <summary>
    /// The file, as a download only (<see cref="DownloadHeaders"/>). The download is put on the record, where the
    /// incident's organisation sees it, before any byte is sent: a download that could not be recorded does not happen.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(
        string id, string sha256, HttpResponse response, ClaimsPrincipal user, VigilDbContext db, AttachmentBlobs blobs, EventRecorder events,
        CancellationToken cancellationToken)
    {
        var fetched = await FetchAsync(id, sha256, user, db, blobs, events, cancellationToken);
        if (fetched is null)
        {
            return Problems.NotFound($"attachment {sha256} of incident {id}");
        }
        if (fetched.Plaintext is null)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "urn:vigil:problem:attachment-damaged", "The stored file is damaged",
                $"The file cannot be served: {fetched.Damage}. Nothing was sent; the CERT's operators have been told in the server's log. "
                + "Uploading the same file again restores it.", null);
        }
        DownloadHeaders.Apply(response, fetched.FileName);
        return TypedResults.File(fetched.Plaintext, UploadAttachment.DefaultMediaType);
    }

    /// <summary>
    /// The pages' download: the same file, the same record, for a browser with a page session (a page cannot send the
    /// bearer token the API's download asks for). A file the reader may not have is a 404 (a damaged one a 409)
    /// answered with the error page, saying nothing of whether the file exists.
    /// </summary>
    public static async Task<IResult> DownloadForPage(
        string id, string sha256, HttpResponse response, ClaimsPrincipal user, VigilDbContext db, AttachmentBlobs blobs, EventRecorder events,
        CancellationToken cancellationToken)
    {
        var fetched = await FetchAsync(id, sha256, user, db, blobs, events, cancellationToken);
        if (fetched?.Plaintext is not { } plaintext)
        {
            var status = fetched is null ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
            return new RazorComponentResult<ErrorDocument>(new Dictionary<string, object?> { [nameof(ErrorDocument.Status)] = status }) { StatusCode = status };
        }
        DownloadHeaders.Apply(response, fetched.FileName);
        return TypedResults.File(plaintext, UploadAttachment.DefaultMediaType);
    }

    /// <summary>
    /// One of an incident's files for its reader, its download recorded first; null when the reader may not have it (or
    /// there is none). Shared by the API's download and the pages' (which a browser reaches with its page session).
    /// </summary>
    public static async Task<Fetched?> FetchAsync(
        string id, string sha256, ClaimsPrincipal user, VigilDbContext db, AttachmentBlobs blobs, EventRecorder events, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return null;
        }
        var readable = await ReadableSequencesAsync(db, incident, cancellationToken);
        var found = await db.Attachments.AsNoTracking()
            .Where(a => a.IncidentId == id && a.Sha256 == sha256 && a.SubmissionSequence != null && readable.Contains(a.SubmissionSequence.Value))
            .Select(a => new { a.Sha256, a.FileName, incident.OrganisationId })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        var opened = blobs.Open(found.Sha256);
        if (opened.Plaintext is null)
        {
            return new Fetched(found.FileName, null, opened.Damage);
        }
        var details = new JsonObject { ["sha256"] = found.Sha256, ["name"] = found.FileName };
        await events.RecordAsync(new EventRecorder.Event(DownloadedEvent, AudienceFilters.Incident, id, details, found.OrganisationId, OrganisationMayRead: true),
            user, cancellationToken);
        return new Fetched(found.FileName, opened.Plaintext, null);
    }
}
