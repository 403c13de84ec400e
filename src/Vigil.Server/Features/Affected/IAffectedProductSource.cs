using System.Security.Claims;
using Vigil.Domain.Exposure;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// Where the affected-query finds documents that name affected products: Vigil's own published notes, and any
/// other kind of document registered beside them (such as imported advisories). Each source narrows what it gives
/// to what the caller may read, and indexes its products so that it can keep the index between requests.
/// </summary>
public interface IAffectedProductSource
{
    Task<AffectingDocuments> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>A source's documents for one caller, by id, with their affected products indexed.</summary>
public sealed record AffectingDocuments(IReadOnlyDictionary<string, AffectingDocument> ById, ExposureIndex Index)
{
    public static AffectingDocuments Of(IEnumerable<AffectingDocument> documents)
    {
        var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        return new AffectingDocuments(byId, new ExposureIndex(byId.Values.SelectMany(d => d.Entries)));
    }
}

/// <summary>A document as the answer describes it, with the products it says are affected and what to do.</summary>
public sealed record AffectingDocument(
    string Id, string Kind, string Title, string? Version, string Tlp, string Severity, IReadOnlyList<string> CveIds,
    string Countermeasures, string? Workarounds, string Link, IReadOnlyList<IAffectedProductEntry> Entries);
