using System.Security.Claims;
using Vigil.Domain.Exposure;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// Checks an inventory against every source of documents the caller may read, and answers with each document that
/// affects it, why, and what to do. Shared by "am I affected?", an organisation's stored exposure and its page.
/// </summary>
public sealed class ExposureCheck(IEnumerable<IAffectedProductSource> sources)
{
    public async Task<AffectedResponse> CheckAsync(ClaimsPrincipal user, IReadOnlyList<InventoryComponent> components, CancellationToken cancellationToken)
    {
        var sets = new List<AffectingDocuments>();
        foreach (var source in sources)
        {
            sets.Add(await source.LoadAsync(user, cancellationToken));
        }
        var affecting = new List<AffectingDocumentResponse>();
        foreach (var set in sets)
        {
            foreach (var hits in set.Index.Match(components).GroupBy(m => m.Entry.DocumentId, StringComparer.Ordinal))
            {
                var found = set.ById[hits.Key];
                var fixedVersions = hits.SelectMany(m => m.Entry.Fixed).Distinct(StringComparer.Ordinal).ToList();
                affecting.Add(new AffectingDocumentResponse(found.Id, found.Kind, found.Title, found.Version, found.Tlp, found.Severity, found.CveIds,
                    new RemediationResponse(fixedVersions, Countermeasures(found, hits), found.Workarounds), found.Link,
                    [.. hits.Select(ExposureMatchResponse.From)]));
            }
        }
        return new AffectedResponse(components.Count, sets.Sum(s => s.ById.Count), [.. affecting.OrderBy(d => d.Id, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// What to do about the products that matched: the remediations naming them where the document advises per product
    /// (CSAF), else the document's countermeasures.
    /// </summary>
    private static string Countermeasures(AffectingDocument document, IEnumerable<ExposureMatch> hits)
    {
        var advised = hits.Select(m => m.Entry.Remediations).ToList();
        return advised.All(r => r is not null)
            ? string.Join("\n", advised.SelectMany(r => r!).Distinct(StringComparer.Ordinal))
            : document.Countermeasures;
    }
}
