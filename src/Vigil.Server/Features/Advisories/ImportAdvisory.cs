using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Csaf.Validation;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Advisories;

/// <summary>
/// POST /api/v1/advisories/import: an analyst imports another publisher's CSAF 2.0 document (at most 16 MiB). It must
/// pass the JSON schema and every mandatory test, or it is refused with each failure named. The bytes are stored as
/// they came; importing the same bytes again returns the stored advisory, so no Idempotency-Key is needed. Each import is
/// on the record (<see cref="AdvisoryImportRecord"/>).
/// </summary>
public static class ImportAdvisory
{
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    public static async Task<Results<Created<AdvisoryResponse>, Ok<AdvisoryResponse>, ProblemHttpResult>> Handle(
        HttpRequest request, ClaimsPrincipal user, VigilDbContext db, AdvisoryImportRecord record, AdvisorySeverities severities, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxDocumentBytes + 1;
        }
        var (document, problem) = await JsonBody.ReadAsync(request, MaxDocumentBytes, cancellationToken, CsafValidator.DocumentOptions.MaxDepth);
        if (problem is not null) { return problem; }
        var (bytes, _) = await JsonBody.ReadBytesAsync(request, MaxDocumentBytes, cancellationToken);
        CsafDocumentSummary summary;
        using (document)
        {
            var report = CsafValidator.Validate(document!.RootElement);
            if (!report.IsValid) { return CsafProblems.Invalid(report); }
            summary = CsafDocumentSummary.Read(document.RootElement);
        }
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes!));
        var known = await HeldAsync(db, sha256, cancellationToken);
        if (known is not null)
        {
            return TypedResults.Ok(await AnswerHeldAsync(known, bytes!.Length, user, db, record, severities, cancellationToken));
        }
        var advisory = new ImportedAdvisory
        {
            Sha256 = sha256, Content = bytes!, TrackingId = summary.TrackingId, Version = summary.Version, Title = summary.Title,
            Category = summary.Category, PublisherName = summary.PublisherName, PublisherNamespace = summary.PublisherNamespace,
            PublisherCategory = summary.PublisherCategory, Tlp = TlpLabel.FromCsaf(summary.TlpLabel),
            CurrentReleaseDate = summary.CurrentReleaseDate, ImportedBy = user.UserId(), ImportedAt = clock.GetUtcNow(),
        };
        try
        {
            await record.StoreAsync(advisory, user, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same bytes imported at this moment by another request: answer with the one stored.
            db.ChangeTracker.Clear();
            if (await HeldAsync(db, sha256, cancellationToken) is not { } stored)
            {
                throw;
            }
            return TypedResults.Ok(await AnswerHeldAsync(stored, bytes!.Length, user, db, record, severities, cancellationToken));
        }
        // Revisions may come out of order: the one imported now is not necessarily the newest.
        var response = AdvisoryResponse.From(advisory, bytes!.Length, await AdvisoryRevisions.IsSupersededAsync(db, user, advisory, cancellationToken),
            severities.Of(advisory.Id, advisory.Content));
        return TypedResults.Created(response.DocumentUrl[..^"/document".Length], response);
    }

    // Whether the bytes are held is decided over every stored advisory, past the caller's audience: another analyst's
    // RED import is held too, and storing it again would break the one-row-per-document rule.
    private static Task<ImportedAdvisory?> HeldAsync(VigilDbContext db, string sha256, CancellationToken cancellationToken) =>
        db.ImportedAdvisories.IgnoreQueryFilters([AudienceFilters.Name]).AsNoTracking().SingleOrDefaultAsync(a => a.Sha256 == sha256, cancellationToken);

    /// <summary>
    /// The stored advisory the same bytes were imported as. A caller who may not read it yet holds the very document, so
    /// it is named on it (on the record) rather than refused.
    /// </summary>
    private static async Task<AdvisoryResponse> AnswerHeldAsync(
        ImportedAdvisory held, int size, ClaimsPrincipal user, VigilDbContext db, AdvisoryImportRecord record, AdvisorySeverities severities,
        CancellationToken cancellationToken)
    {
        if (!await db.ImportedAdvisories.AnyAsync(a => a.Id == held.Id, cancellationToken))
        {
            await record.NameImporterAsync(held, user, cancellationToken);
        }
        return AdvisoryResponse.From(held, size, await AdvisoryRevisions.IsSupersededAsync(db, user, held, cancellationToken), severities.Of(held.Id, held.Content));
    }
}
