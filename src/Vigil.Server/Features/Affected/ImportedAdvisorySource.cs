using System.Security.Claims;
using System.Text.Json;
using Vigil.Csaf.Cvss;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Server.Features.Advisories;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// Other publishers' imported CSAF advisories as affected-query documents, in the caller's TLP audience
/// (<see cref="TlpAudience.PublicationLabels"/>): of each advisory only its newest revision in that audience
/// (<see cref="AdvisoryRevisions"/>), since a revision replaces what the earlier ones said. The documents are parsed
/// once and kept between requests by <see cref="ImportedAdvisoryCatalog"/>.
/// </summary>
public sealed class ImportedAdvisorySource(VigilDbContext db, ImportedAdvisoryCatalog catalog) : IAffectedProductSource
{
    public const string Kind = "imported-advisory";

    public Task<AffectingDocuments> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        catalog.ForAudienceAsync(db, TlpAudience.PublicationLabels(db.Reader), cancellationToken);

    /// <summary>An imported advisory as the answer names it, with the products its newest statements give.</summary>
    public static AffectingDocument Read(ImportedAdvisory advisory)
    {
        using var document = JsonDocument.Parse(advisory.Content);
        var root = document.RootElement;
        var id = $"{advisory.PublisherNamespace}#{advisory.TrackingId}";
        var vulnerabilities = root.TryGetProperty("vulnerabilities", out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray()] : new List<JsonElement>();
        return new AffectingDocument(
            id, Kind, advisory.Title, advisory.Version, advisory.Tlp,
            CsafSeverity.Of(root) ?? "",
            [.. vulnerabilities.Select(x => x.TryGetProperty("cve", out var cve) ? cve.GetString() : null).OfType<string>().Distinct(StringComparer.Ordinal)],
            string.Join("\n", vulnerabilities.SelectMany(Remediations).Distinct(StringComparer.Ordinal)),
            null,
            $"/api/v1/advisories/{advisory.Id}",
            CsafProductEntries.Read(id, root));
    }

    private static IEnumerable<string> Remediations(JsonElement vulnerability) =>
        vulnerability.TryGetProperty("remediations", out var remediations) && remediations.ValueKind == JsonValueKind.Array
            ? remediations.EnumerateArray().Select(r => r.TryGetProperty("details", out var details) ? details.GetString() : null).OfType<string>()
            : [];
}
