using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Advisories;

/// <summary>
/// Lists and shows the imported advisories the caller's TLP audience allows, and serves their documents. Each revision
/// is listed, saying whether the caller may read a newer one.
/// </summary>
public static class ReadAdvisories
{
    public static async Task<Ok<List<AdvisoryResponse>>> List(
        ClaimsPrincipal user, VigilDbContext db, AdvisorySeverities severities, CancellationToken cancellationToken)
    {
        // The documents themselves stay in the database: a list carries only their size.
        var advisories = await db.ImportedAdvisories.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Select(a => new AdvisoryResponse(
                a.Id, AdvisoryResponse.ImportedSource, a.TrackingId, a.Version, a.Title, a.Category,
                new AdvisoryPublisher(a.PublisherName, a.PublisherNamespace, a.PublisherCategory),
                a.Tlp, a.CurrentReleaseDate, a.Sha256, a.Content.Length, a.ImportedAt, "/api/v1/advisories/" + a.Id + "/document", false,
                a.ProviderId, a.SourceUrl))
            .ToListAsync(cancellationToken);
        // Every revision is listed; the list holds all the caller may read, so it alone tells which are superseded.
        var newest = AdvisoryRevisions.Newest(advisories.Select(a => new AdvisoryRevisions.Tracking(a.Id, a.Publisher.Namespace, a.TrackingId, a.Version, a.CurrentReleaseDate)));
        var severity = await severities.OfAsync(db, [.. advisories.Select(a => a.Id)], cancellationToken);
        return TypedResults.Ok(advisories.Select(a => a with { Superseded = !newest.Contains(a.Id), Severity = severity[a.Id] }).ToList());
    }

    public static async Task<Results<Ok<AdvisoryResponse>, ProblemHttpResult>> Get(
        long id, ClaimsPrincipal user, VigilDbContext db, AdvisorySeverities severities, CancellationToken cancellationToken)
    {
        var advisory = await db.ImportedAdvisories.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return advisory is null
            ? Problems.NotFound($"advisory {id}")
            : TypedResults.Ok(AdvisoryResponse.From(advisory, advisory.Content.Length, await AdvisoryRevisions.IsSupersededAsync(db, user, advisory, cancellationToken),
                severities.Of(advisory.Id, advisory.Content)));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Document(
        long id, ClaimsPrincipal user, VigilDbContext db, HttpResponse response, CancellationToken cancellationToken)
    {
        var advisory = await db.ImportedAdvisories.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (advisory is null) { return Problems.NotFound($"advisory {id}"); }
        response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(advisory.Sha256))}:";
        return TypedResults.File(advisory.Content, "application/json", $"{advisory.TrackingId}.json");
    }
}
