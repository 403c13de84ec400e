using Vigil.Domain.Exposure;

namespace Vigil.Server.Features.Affected;

/// <summary>The answer to "am I affected?": each document that hits the inventory, with why and what to do.</summary>
public sealed record AffectedResponse(int ComponentsChecked, int DocumentsChecked, IReadOnlyList<AffectingDocumentResponse> Documents);

public sealed record AffectingDocumentResponse(
    string Id, string Kind, string Title, string? Version, string Tlp, string Severity, IReadOnlyList<string> CveIds,
    RemediationResponse Remediation, string Link, IReadOnlyList<ExposureMatchResponse> Matches);

public sealed record RemediationResponse(IReadOnlyList<string> FixedVersions, string Countermeasures, string? Workarounds);

/// <summary>One component hit by one affected product: how it was matched (purl, cpe or name), and the range it lies in.</summary>
public sealed record ExposureMatchResponse(
    ComponentResponse Component, AffectedProductResponse Product, string Method, string Version, string Range, IReadOnlyList<string> FixedVersions)
{
    public static ExposureMatchResponse From(ExposureMatch match) => new(
        new ComponentResponse(match.Component.Pointer, match.Component.Name, match.Component.Version,
            match.Component.Purl?.ToString(), match.Component.Cpe?.ToString()),
        new AffectedProductResponse(match.Entry.ProductReference, match.Entry.Vendor, match.Entry.Product, match.Entry.Platform,
            match.Entry.Purl?.ToString(), match.Entry.Cpe?.ToString()),
        match.Method.ToString().ToLowerInvariant(), match.Version, match.Range, match.Entry.Fixed);
}

/// <summary>The component as the inventory gave it, with the JSON pointer of where.</summary>
public sealed record ComponentResponse(string Pointer, string Name, string? Version, string? Purl, string? Cpe);

/// <summary>The affected product as the document names it; the reference is where in the document.</summary>
public sealed record AffectedProductResponse(string Reference, string Vendor, string Product, string? Platform, string? Purl, string? Cpe);
