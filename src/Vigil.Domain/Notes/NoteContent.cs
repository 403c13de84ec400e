using Vigil.Domain.Cvss;

namespace Vigil.Domain.Notes;

/// <summary>
/// A vulnerability note as its author wrote it, checked: what is affected and how badly, what to do about it, and
/// where it comes from. Text fields are Markdown. CVSS vectors carry the scores Vigil computed for them.
/// </summary>
public sealed record NoteContent(
    string Title,
    string Summary,
    string Severity,
    string Tlp,
    IReadOnlyList<string> CveIds,
    IReadOnlyList<CweWeakness> Cwes,
    IReadOnlyList<CvssEvaluation> Cvss,
    IReadOnlyList<AffectedProduct> Products,
    string Description,
    string? Impact,
    string Countermeasures,
    string? Workarounds,
    IReadOnlyList<NoteReference> References,
    IReadOnlyList<NoteAcknowledgment> Acknowledgments,
    IReadOnlyList<string> IncidentIds,
    IReadOnlyList<string> IndicatorCollectionIds);

public sealed record CweWeakness(string Id, string Name);

/// <summary>
/// One affected product: who makes it, on what it runs, how machines name it (purl, CPE), which versions are
/// affected (<c>vers</c> ranges) and which versions fix it.
/// </summary>
public sealed record AffectedProduct(
    string Vendor,
    string Product,
    string? Platform,
    string? Purl,
    string? Cpe,
    IReadOnlyList<string> Affected,
    IReadOnlyList<string> Fixed)
{
    /// <summary>The product's full name: "WhatsApp for Android", or with its platform when one is given.</summary>
    public string FullName => Platform is null ? Product : $"{Product} ({Platform})";
}

public sealed record NoteReference(string Url, string Summary);

public sealed record NoteAcknowledgment(IReadOnlyList<string> Names, string? Organization, string? Summary);
