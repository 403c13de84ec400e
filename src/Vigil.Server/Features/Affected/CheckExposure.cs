using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Domain.Exposure;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// POST /api/v1/affected: an inventory (a CycloneDX SBOM or a product list) in, the documents that affect it out.
/// A bad inventory is refused whole, naming each bad field, rather than answered in part.
/// </summary>
public static class CheckExposure
{
    /// <summary>SBOMs are larger than other requests: 16 MiB holds tens of thousands of components.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    public static async Task<Results<Ok<AffectedResponse>, ProblemHttpResult>> Check(
        HttpRequest request, ClaimsPrincipal user, IEnumerable<IAffectedProductSource> sources, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes + 1;
        }
        var (document, problem) = await JsonBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var (components, errors) = InventoryReader.Read(document!.RootElement);
            if (errors.Count > 0)
            {
                return Problems.InvalidFields(errors, title: "The inventory cannot be read");
            }
            var sets = new List<AffectingDocuments>();
            foreach (var source in sources)
            {
                sets.Add(await source.LoadAsync(user, cancellationToken));
            }
            return TypedResults.Ok(Answer(components, sets));
        }
    }

    private static AffectedResponse Answer(IReadOnlyList<InventoryComponent> components, List<AffectingDocuments> sets)
    {
        var affecting = new List<AffectingDocumentResponse>();
        foreach (var set in sets)
        {
            foreach (var hits in set.Index.Match(components).GroupBy(m => m.Entry.DocumentId, StringComparer.Ordinal))
            {
                var found = set.ById[hits.Key];
                var fixedVersions = hits.SelectMany(m => m.Entry.Fixed).Distinct(StringComparer.Ordinal).ToList();
                affecting.Add(new AffectingDocumentResponse(found.Id, found.Kind, found.Title, found.Version, found.Tlp, found.Severity, found.CveIds,
                    new RemediationResponse(fixedVersions, found.Countermeasures, found.Workarounds), found.Link,
                    [.. hits.Select(ExposureMatchResponse.From)]));
            }
        }
        return new AffectedResponse(components.Count, sets.Sum(s => s.ById.Count), [.. affecting.OrderBy(d => d.Id, StringComparer.Ordinal)]);
    }
}
