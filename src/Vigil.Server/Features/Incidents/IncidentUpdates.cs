using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Domain.Incidents;
using Vigil.Domain.Regimes;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Attachments;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Features.Incidents;

/// <summary>
/// An update (or an answer to a request for information) filed from the incident page: the form made into the body
/// the API takes, read by the same strict reader and appended by the same appender (<see cref="SubmitUpdate.AppendAsync"/>);
/// files chosen on the form are kept as uploads (as <c>POST /api/v1/attachments</c> keeps them) and attached by hash,
/// but only once the rest of the update reads.
/// </summary>
public sealed class IncidentUpdates(
    VigilDbContext db, SubmissionAppender appender, RegimeCatalog catalog, AttachmentBlobs blobs, IOptions<AttachmentsOptions> attachments,
    IOptions<WebOptions> web, TimeProvider clock)
{
    /// <summary>The sequence of the appended submission, or the problems and the status to answer with.</summary>
    public sealed record Outcome(int? Sequence, IReadOnlyList<FieldError> Errors, int Status);

    public async Task<Outcome> FileAsync(
        string incidentId, UpdateFormValues typed, int? answers, IReadOnlyList<IFormFile> files, ClaimsPrincipal user, Func<string, string> say,
        CancellationToken cancellationToken)
    {
        if (!await SubmitUpdate.MayAddToAsync(db, incidentId, user, cancellationToken))
        {
            return new Outcome(null, [new FieldError("", say("MayNotAdd"))], StatusCodes.Status403Forbidden);
        }
        var (body, problems) = typed.ToBody(ReaderPreferences.ZoneOf(user, web.Value.DefaultTimeZone), answers, say);
        // Read once before any file is kept, so that a refused update leaves no upload behind; and read even when the
        // JSON box did not, so that every other problem is named at once.
        problems = [.. problems, .. SubmissionReader.ReadUpdate(JsonSerializer.SerializeToElement(body), clock.GetUtcNow(), catalog).Errors];
        if (problems.Count == 0 && files.Count > 0)
        {
            problems = await AttachAsync(body, files, user, say, cancellationToken);
        }
        if (problems.Count > 0)
        {
            return new Outcome(null, problems, StatusCodes.Status422UnprocessableEntity);
        }
        var outcome = await SubmitUpdate.AppendAsync(incidentId, JsonSerializer.SerializeToElement(body), user, db, appender, catalog, clock, cancellationToken);
        return outcome.Appended is { } appended
            ? new Outcome(appended.Submission.Sequence, [], StatusCodes.Status303SeeOther)
            : new Outcome(null, outcome.Errors, outcome.NotFound ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity);
    }

    private async Task<List<FieldError>> AttachAsync(JsonObject body, IReadOnlyList<IFormFile> files, ClaimsPrincipal user, Func<string, string> say,
        CancellationToken cancellationToken)
    {
        var limit = attachments.Value.MaxBytes;
        var problems = files.Select(f => (f.FileName, Problem: AttachmentReference.NameProblem(f.FileName)
                ?? (f.Length > limit ? string.Format(CultureInfo.CurrentCulture, say("FileTooLarge"), limit) : null)))
            .Where(f => f.Problem is not null)
            .Select(f => new FieldError("/" + AttachmentReference.Field, $"{f.FileName}: {f.Problem}")).ToList();
        if (problems.Count > 0 || files.Sum(f => f.Length) > limit)
        {
            return problems.Count > 0 ? problems : [new FieldError("/" + AttachmentReference.Field, string.Format(CultureInfo.CurrentCulture, say("FileTooLarge"), limit))];
        }
        var listed = body[AttachmentReference.Field] as JsonArray ?? [];
        foreach (var file in files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            var stored = await UploadAttachment.StoreAsync(buffer.ToArray(), file.FileName, UploadAttachment.MediaTypeOf(file.ContentType), user, db, blobs, clock, cancellationToken);
            listed.Add(new JsonObject { [AttachmentReference.Sha256Member] = stored.Sha256 });
        }
        body[AttachmentReference.Field] = listed;
        return [];
    }
}
