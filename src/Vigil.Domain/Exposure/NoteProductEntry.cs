using Vigil.Domain.Notes;
using Vigil.Domain.Versions;

namespace Vigil.Domain.Exposure;

/// <summary>A product of a Vigil note, as an entry the exposure matcher reads.</summary>
public sealed record NoteProductEntry(
    string DocumentId, string ProductReference, string Vendor, string Product, string? Platform,
    PackageUrl? Purl, CpeName? Cpe, IReadOnlyList<VersionRange> Affected, IReadOnlyList<string> Fixed) : IAffectedProductEntry
{
    /// <summary>Every product of a note's content (which was checked when the note was written).</summary>
    public static IEnumerable<NoteProductEntry> From(string noteId, NoteContent content) =>
        content.Products.Select((product, index) => new NoteProductEntry(
            noteId, $"/products/{index}", product.Vendor, product.Product, product.Platform,
            product.Purl is not null && PackageUrl.TryParse(product.Purl, out var purl, out _) ? purl : null,
            product.Cpe is not null && CpeName.TryParse(product.Cpe, out var cpe) ? cpe : null,
            [.. product.Affected.Select(VersionRange.Parse)], product.Fixed));
}
