using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Advisories;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// Other publishers' imported CSAF advisories as affected-query documents, in the caller's TLP audience
/// (<see cref="AdvisoryAccess"/>): of each advisory only its newest revision in that audience
/// (<see cref="AdvisoryRevisions"/>), since a revision replaces what the earlier ones said. Their product trees are
/// read on each request; imports are few beside intake.
/// </summary>
public sealed class ImportedAdvisorySource(VigilDbContext db) : IAffectedProductSource
{
    public const string Kind = "imported-advisory";

    private const int ChunkSize = 500;

    public async Task<AffectingDocuments> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // The tracking of every row first (small), then the documents of the newest revisions alone.
        var visible = db.ImportedAdvisories.AsNoTracking().VisibleTo(user);
        var newest = AdvisoryRevisions.Newest(await visible.SelectTracking().ToListAsync(cancellationToken));
        var documents = new List<AffectingDocument>();
        foreach (var chunk in newest.Chunk(ChunkSize))
        {
            documents.AddRange((await visible.Where(a => chunk.Contains(a.Id)).ToListAsync(cancellationToken)).Select(Read));
        }
        return AffectingDocuments.Of(documents);
    }

    private static AffectingDocument Read(ImportedAdvisory advisory)
    {
        using var document = JsonDocument.Parse(advisory.Content);
        var root = document.RootElement;
        var id = $"{advisory.PublisherNamespace}#{advisory.TrackingId}";
        var vulnerabilities = root.TryGetProperty("vulnerabilities", out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray()] : new List<JsonElement>();
        return new AffectingDocument(
            id, Kind, advisory.Title, advisory.Version, advisory.Tlp,
            root.TryGetProperty("document", out var d) && d.TryGetProperty("aggregate_severity", out var s) && s.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "",
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
