using Vigil.Data.Entities;

namespace Vigil.Server.Features.Advisories;

/// <summary>Who issued an advisory, as its document says.</summary>
public sealed record AdvisoryPublisher(string Name, string Namespace, string Category);

/// <summary>An imported advisory: always another publisher's, never one of the CERT's own notes.</summary>
/// <param name="Superseded">Whether the caller may read a newer revision of the same advisory (<see cref="AdvisoryRevisions"/>).</param>
/// <param name="ProviderId">The followed provider it was fetched from; null when an analyst sent it.</param>
/// <param name="SourceUrl">Where it was fetched from, for a followed provider's document.</param>
/// <param name="Severity">
/// As the document says (<see cref="Vigil.Csaf.Cvss.CsafSeverity"/>): the highest CVSS base severity of its scores in lower case, else its
/// aggregate severity's text; null when it gives neither.
/// </param>
public sealed record AdvisoryResponse(
    long Id, string Source, string TrackingId, string Version, string Title, string Category, AdvisoryPublisher Publisher,
    string Tlp, string CurrentReleaseDate, string Sha256, long Size, DateTimeOffset ImportedAt, string DocumentUrl, bool Superseded,
    long? ProviderId = null, string? SourceUrl = null, string? Severity = null)
{
    /// <summary>Marks every imported advisory, so that no client mistakes it for a note of the CERT's.</summary>
    public const string ImportedSource = "imported";

    public static AdvisoryResponse From(ImportedAdvisory a, long size, bool superseded, string? severity) => new(
        a.Id, ImportedSource, a.TrackingId, a.Version, a.Title, a.Category,
        new AdvisoryPublisher(a.PublisherName, a.PublisherNamespace, a.PublisherCategory),
        a.Tlp, a.CurrentReleaseDate, a.Sha256, size, a.ImportedAt, $"/api/v1/advisories/{a.Id}/document", superseded, a.ProviderId, a.SourceUrl, severity);
}
