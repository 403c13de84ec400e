using Vigil.Domain.Versions;

namespace Vigil.Domain.Exposure;

/// <summary>
/// One product a document makes a statement about, as the exposure matcher needs it. A note's products are entries
/// (always affected, always with ranges); an imported advisory's product tree is read into entries the same way, and
/// may also say which products are fixed or not affected, name single versions no scheme orders, name a product
/// without any version, or name it only as part of a relationship ("X installed on Y").
/// </summary>
public interface IAffectedProductEntry
{
    /// <summary>The document that names the product: a note id, or an imported advisory's id.</summary>
    string DocumentId { get; }

    /// <summary>Where the document names the product: a JSON pointer into a note, a product id in an advisory.</summary>
    string ProductReference { get; }

    string Vendor { get; }

    string Product { get; }

    string? Platform { get; }

    PackageUrl? Purl { get; }

    CpeName? Cpe { get; }

    /// <summary>The versions the statement covers as ranges; a version in any of them is covered.</summary>
    IReadOnlyList<VersionRange> Affected { get; }

    /// <summary>The versions that fix it, as the document gives them.</summary>
    IReadOnlyList<string> Fixed { get; }

    /// <summary>
    /// Single versions the statement covers that no scheme Vigil knows can order (such as <c>12.2(55)SE</c>):
    /// compared as written, without a leading <c>v</c> and without regard to case.
    /// </summary>
    IReadOnlyList<string> Versions => [];

    /// <summary>How the document wrote versions Vigil could not read (free text), for the answer to quote.</summary>
    string? UnreadVersions => null;

    /// <summary>
    /// The document's words <see cref="Affected"/> was read from (<see cref="Versions.VersionRangeWords"/>), when it
    /// wrote its range in words rather than as <c>vers</c>: a match is then on <see cref="MatchBasis.RangeFromName"/>.
    /// </summary>
    string? RangeWords => null;

    /// <summary>
    /// What the document advises for this product, when it advises per product (CSAF remediations naming it); null when
    /// the document's countermeasures apply to all its products (a note).
    /// </summary>
    IReadOnlyList<string>? Remediations => null;

    /// <summary>Whether the document says the product is affected, or that it is fixed or not affected.</summary>
    ProductState State => ProductState.Affected;

    /// <summary>The status as the document words it: <c>affected</c> for a note, CSAF's <c>known_affected</c>, <c>fixed</c>...</summary>
    string Status => "affected";

    /// <summary>
    /// Which statement of the document the entry belongs to (for CSAF, one vulnerability): a fixed or not-affected
    /// entry only cancels affected entries of the same statement, since a product may be fixed for one vulnerability
    /// and affected by another.
    /// </summary>
    string Statement => "";

    /// <summary>When the document names the product only as part of another (CSAF relationships), which relationship.</summary>
    ProductRelationship? Relationship => null;

    /// <summary>True when the document gives no version information at all for this product.</summary>
    bool NamesNoVersion => Affected.Count == 0 && Versions.Count == 0;
}

/// <summary>What a document says of a product's versions.</summary>
public enum ProductState
{
    /// <summary>Affected (known, first or last affected).</summary>
    Affected,

    /// <summary>Fixed, first fixed, or known not affected: these versions are not to be reported.</summary>
    NotAffected,
}

/// <summary>
/// A CSAF relationship: the product id the statuses name (<see cref="ProductId"/>, the relationship's full product
/// name) stands for the product <see cref="ProductReference"/> in the role <see cref="Category"/> (such as
/// <c>installed_on</c> or <c>default_component_of</c>) to the product <see cref="RelatesTo"/>.
/// </summary>
public sealed record ProductRelationship(string Category, string ProductId, string Name, string ProductReference, string RelatesTo, string? RelatesToName);
