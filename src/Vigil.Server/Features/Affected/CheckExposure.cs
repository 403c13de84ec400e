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
            var documents = new List<AffectingDocument>();
            foreach (var source in sources)
            {
                documents.AddRange(await source.LoadAsync(user, cancellationToken));
            }
            return TypedResults.Ok(Answer(components, documents));
        }
    }

    private static AffectedResponse Answer(IReadOnlyList<InventoryComponent> components, List<AffectingDocument> documents)
    {
        var index = new ExposureIndex(documents.SelectMany(d => d.Entries));
        var byDocument = index.Match(components).ToLookup(m => m.Entry.DocumentId, StringComparer.Ordinal);
        var affecting = documents.Where(d => byDocument.Contains(d.Id)).Select(d =>
        {
            var matches = byDocument[d.Id].ToList();
            var fixedVersions = matches.SelectMany(m => m.Entry.Fixed).Distinct(StringComparer.Ordinal).ToList();
            return new AffectingDocumentResponse(d.Id, d.Kind, d.Title, d.Version, d.Tlp, d.Severity, d.CveIds,
                new RemediationResponse(fixedVersions, d.Countermeasures, d.Workarounds), d.Link,
                [.. matches.Select(ExposureMatchResponse.From)]);
        });
        return new AffectedResponse(components.Count, documents.Count, [.. affecting]);
    }
}
