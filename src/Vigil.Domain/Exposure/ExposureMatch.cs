namespace Vigil.Domain.Exposure;

/// <summary>How a component was found to be an affected product, from the most to the least exact.</summary>
public enum MatchMethod
{
    /// <summary>Both sides have a package URL, and the package is the same.</summary>
    Purl,

    /// <summary>Both sides have a CPE name, and the document's applies to the component's.</summary>
    Cpe,

    /// <summary>Neither purl nor CPE decided: the normalised vendor and product names agree.</summary>
    Name,
}

/// <summary>What the version evidence of a match is, from the strongest to the weakest.</summary>
public enum MatchBasis
{
    /// <summary>The document names the component's very version.</summary>
    ExactVersion,

    /// <summary>The component's version lies in one of the document's ranges.</summary>
    VersionInRange,

    /// <summary>
    /// The component's version lies in a range Vigil read from the document's words (<c>&lt; V2.7</c>, <c>4.x</c>,
    /// <c>before 2.19.134</c>), the version scheme being a guess: weaker than a range the document gives as <c>vers</c>.
    /// </summary>
    RangeFromName,

    /// <summary>
    /// The document names the product but gives no version Vigil can compare: the component may or may not be
    /// affected, and whoever runs it should check with the publisher.
    /// </summary>
    NoVersionGiven,
}

/// <summary>
/// A component a document's statement covers: which entry, how the identity was matched, on what version evidence,
/// the component's version (when it has one) and the range or version of the document that covers it (none when the
/// document gives no version).
/// </summary>
public sealed record ExposureMatch(
    InventoryComponent Component, IAffectedProductEntry Entry, MatchMethod Method, MatchBasis Basis, string? Version, string? Range)
{
    /// <summary>Why the component is reported, in a sentence for people.</summary>
    public string Reason => ExposureReason.Describe(this);
}
