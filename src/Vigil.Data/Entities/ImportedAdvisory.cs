namespace Vigil.Data.Entities;

/// <summary>
/// A CSAF 2.0 document another publisher issued, imported after passing the schema and every mandatory test. The
/// document is kept byte for byte as it came, with its SHA-256; the other fields are read from it for listing and are
/// never edited. It is the publisher's advisory, not one of the CERT's notes. Each revision of an advisory is a row of
/// its own: the rows with the same publisher namespace and tracking id are one advisory's revisions, and none is ever
/// replaced.
/// </summary>
public sealed class ImportedAdvisory
{
    public long Id { get; init; }
    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>; the same bytes are stored once.</summary>
    public required string Sha256 { get; init; }
    public required byte[] Content { get; init; }
    /// <summary><c>/document/tracking/id</c>.</summary>
    public required string TrackingId { get; init; }
    /// <summary><c>/document/tracking/version</c>.</summary>
    public required string Version { get; init; }
    public required string Title { get; init; }
    /// <summary><c>/document/category</c>, such as csaf_security_advisory or csaf_vex.</summary>
    public required string Category { get; init; }
    public required string PublisherName { get; init; }
    public required string PublisherNamespace { get; init; }
    /// <summary><c>/document/publisher/category</c>: vendor, coordinator, discoverer, translator, user or other.</summary>
    public required string PublisherCategory { get; init; }
    /// <summary>TLP 2.0 label without prefix, translated from the document's TLP 1.0 label (WHITE is CLEAR).</summary>
    public required string Tlp { get; init; }
    /// <summary><c>/document/tracking/current_release_date</c> as the document gives it.</summary>
    public required string CurrentReleaseDate { get; init; }
    /// <summary>The analyst who imported it, or who asked for the run that did; null for a scheduled run.</summary>
    public required string? ImportedBy { get; init; }
    public DateTimeOffset ImportedAt { get; init; }
    /// <summary>The followed provider it was fetched from; null for a document an analyst sent.</summary>
    public long? ProviderId { get; init; }
    /// <summary>Where it was fetched from, for a followed provider's document.</summary>
    public string? SourceUrl { get; init; }
    /// <summary>
    /// The provider's detached OpenPGP signature (.asc) exactly as fetched and checked, for a followed provider's
    /// document: what Vigil's mirror of that provider serves beside it. Null for a document an analyst sent.
    /// </summary>
    public byte[]? Signature { get; init; }
    /// <summary>
    /// Where the document lives in a CSAF TLP directory (section 5.1): the year of its <c>initial_release_date</c> and
    /// the file name made from its tracking id, such as <c>2024/psa-2024-0001.json</c>. Set for a followed provider's
    /// document, which its mirror serves at that path.
    /// </summary>
    public string? DirectoryPath { get; init; }
}
