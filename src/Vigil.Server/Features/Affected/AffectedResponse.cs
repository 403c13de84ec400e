using Vigil.Domain.Exposure;

namespace Vigil.Server.Features.Affected;

/// <summary>The answer to "am I affected?": each document that hits the inventory, with why and what to do.</summary>
public sealed record AffectedResponse(int ComponentsChecked, int DocumentsChecked, IReadOnlyList<AffectingDocumentResponse> Documents);

public sealed record AffectingDocumentResponse(
    string Id, string Kind, string Title, string? Version, string Tlp, string Severity, IReadOnlyList<string> CveIds,
    RemediationResponse Remediation, string Link, IReadOnlyList<ExposureMatchResponse> Matches);

public sealed record RemediationResponse(IReadOnlyList<string> FixedVersions, string Countermeasures, string? Workarounds);

/// <summary>
/// One component a document's statement covers: how the identity was matched (<c>purl</c>, <c>cpe</c> or <c>name</c>), on what
/// version evidence (<c>exact-version</c>, <c>version-in-range</c>, <c>range-from-name</c> when the range was read from
/// the document's words rather than given as <c>vers</c>, or <c>no-version-given</c> when the document names the
/// product without a version Vigil can compare), the status as the document words it, the relationship through
/// which it names the product if any, and the reason in a sentence.
/// </summary>
public sealed record ExposureMatchResponse(
    ComponentResponse Component, AffectedProductResponse Product, string Method, string Basis, string Status, string? Version, string? Range,
    IReadOnlyList<string> FixedVersions, RelationshipResponse? Relationship, string Reason)
{
    public static ExposureMatchResponse From(ExposureMatch match) => new(
        new ComponentResponse(match.Component.Pointer, match.Component.Name, match.Component.Version,
            match.Component.Purl?.ToString(), match.Component.Cpe?.ToString()),
        new AffectedProductResponse(match.Entry.ProductReference, match.Entry.Vendor, match.Entry.Product, match.Entry.Platform,
            match.Entry.Purl?.ToString(), match.Entry.Cpe?.ToString()),
        match.Method.ToString().ToLowerInvariant(), BasisName(match.Basis), match.Entry.Status, match.Version, match.Range, match.Entry.Fixed,
        match.Entry.Relationship is { } r ? new RelationshipResponse(r.Category, r.ProductId, r.Name, r.ProductReference, r.RelatesTo, r.RelatesToName) : null,
        match.Reason);

    public static string BasisName(MatchBasis basis) => basis switch
    {
        MatchBasis.ExactVersion => "exact-version",
        MatchBasis.VersionInRange => "version-in-range",
        MatchBasis.RangeFromName => "range-from-name",
        _ => "no-version-given",
    };
}

/// <summary>A CSAF relationship: the product id the status names stands for <c>product_reference</c> in <c>category</c> to <c>relates_to</c>.</summary>
public sealed record RelationshipResponse(string Category, string ProductId, string Name, string ProductReference, string RelatesTo, string? RelatesToName);

/// <summary>The component as the inventory gave it, with the JSON pointer of where.</summary>
public sealed record ComponentResponse(string Pointer, string Name, string? Version, string? Purl, string? Cpe);

/// <summary>The affected product as the document names it; the reference is where in the document.</summary>
public sealed record AffectedProductResponse(string Reference, string Vendor, string Product, string? Platform, string? Purl, string? Cpe);
