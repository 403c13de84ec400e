using System.Text.Json;

namespace Vigil.Csaf.Validation;

/// <summary>What a CSAF document says about itself: its id, version, title, category, publisher and TLP label.</summary>
/// <param name="TrackingId"><c>/document/tracking/id</c>.</param>
/// <param name="Version"><c>/document/tracking/version</c>.</param>
/// <param name="Title"><c>/document/title</c>.</param>
/// <param name="Category"><c>/document/category</c>.</param>
/// <param name="PublisherName"><c>/document/publisher/name</c>.</param>
/// <param name="PublisherNamespace"><c>/document/publisher/namespace</c>.</param>
/// <param name="PublisherCategory"><c>/document/publisher/category</c>.</param>
/// <param name="TlpLabel"><c>/document/distribution/tlp/label</c> (TLP 1.0: WHITE, GREEN, AMBER, RED), or null when not given.</param>
/// <param name="CurrentReleaseDate"><c>/document/tracking/current_release_date</c> as written.</param>
public sealed record CsafDocumentSummary(
    string TrackingId, string Version, string Title, string Category,
    string PublisherName, string PublisherNamespace, string PublisherCategory, string? TlpLabel, string CurrentReleaseDate)
{
    /// <summary>Reads the summary of a document that passed <see cref="CsafValidator"/>.</summary>
    /// <param name="document">The document's root.</param>
    /// <returns>The summary; fields the schema requires are empty strings when missing.</returns>
    public static CsafDocumentSummary Read(JsonElement document)
    {
        string At(string path) => CsafProducts.Strings(JsonWalk.Select(document, path)).Select(s => s.Id).FirstOrDefault() ?? "";
        var tlp = At("/document/distribution/tlp/label");
        return new CsafDocumentSummary(
            At("/document/tracking/id"), At("/document/tracking/version"), At("/document/title"), At("/document/category"),
            At("/document/publisher/name"), At("/document/publisher/namespace"), At("/document/publisher/category"),
            tlp.Length == 0 ? null : tlp, At("/document/tracking/current_release_date"));
    }
}
