using Vigil.Domain.Versions;

namespace Vigil.Domain.Exposure;

/// <summary>
/// One product a document says is affected, as the exposure matcher needs it. A note's products are entries; an
/// imported advisory's product tree can be read into entries the same way, and the matcher treats both alike.
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

    /// <summary>The affected versions; a version in any of them is affected.</summary>
    IReadOnlyList<VersionRange> Affected { get; }

    /// <summary>The versions that fix it, as the document gives them.</summary>
    IReadOnlyList<string> Fixed { get; }
}
