using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Incidents;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Attachments;

/// <summary>
/// POST /api/v1/attachments?name=: the body, as it is (any Content-Type), becomes an upload of the caller's. It stays
/// the caller's alone until a report or update names it; only then do the incident's readers see it.
/// </summary>
public static class UploadAttachment
{
    public const string DefaultMediaType = "application/octet-stream";

    public static async Task<Results<Created<AttachmentUploaded>, ProblemHttpResult>> Handle(
        [FromQuery(Name = "name")] string? name, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, AttachmentBlobs blobs,
        IOptions<AttachmentsOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var nameProblem = name is null ? "is required: the file's name" : AttachmentReference.NameProblem(name);
        if (nameProblem is not null)
        {
            return Problems.InvalidParameters([("name", nameProblem)]);
        }
        var limit = options.Value.MaxBytes;
        // Kestrel holds every other body to the JSON limit; this one may be as large as a file may be.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + 1L;
        }
        var (bytes, tooLarge) = await JsonBody.ReadBytesAsync(request, limit, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }
        return TypedResults.Created((string?)null, await StoreAsync(bytes!, name!, MediaTypeOf(request.ContentType), user, db, blobs, clock, cancellationToken));
    }

    /// <summary>
    /// Keeps <paramref name="bytes"/> as an upload of the caller's (a file named <paramref name="name"/>, already
    /// checked): the one way a file is uploaded, from the API or from a page.
    /// </summary>
    public static async Task<AttachmentUploaded> StoreAsync(
        byte[] bytes, string name, string mediaType, ClaimsPrincipal user, VigilDbContext db, AttachmentBlobs blobs, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var upload = new Attachment
        {
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            FileName = name,
            MediaType = mediaType,
            Size = bytes.Length,
            UploadedBy = user.UserId(),
            OrganisationId = user.OrganisationId(),
            UploadedAt = clock.GetUtcNow(),
        };
        await blobs.StoreAsync(upload.Sha256, bytes, async () =>
        {
            // The same file sent again under the same name is the same upload: one row, whose wait counts from the first.
            if (!await db.Attachments.AnyAsync(a => a.IncidentId == null && a.UploadedBy == upload.UploadedBy && a.Sha256 == upload.Sha256
                && a.FileName == upload.FileName && a.MediaType == upload.MediaType, cancellationToken))
            {
                db.Attachments.Add(upload);
                await db.SaveChangesAsync(cancellationToken);
            }
        }, cancellationToken);
        return new AttachmentUploaded(upload.Sha256, upload.Size, upload.FileName, upload.MediaType);
    }

    /// <summary>The sender's type and subtype, kept for readers' information only: every download is served as octet-stream.</summary>
    public static string MediaTypeOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType is { Length: > 0 and <= 255 } type
            ? type.ToLowerInvariant()
            : DefaultMediaType;
}
