using System.Globalization;

namespace Vigil.Csaf.Validation;

/// <summary>
/// The order of a CSAF document's revisions, as the revision-history tests (6.1.14, 6.1.16, 6.1.21) read it: by date,
/// then by version number, semantic versions by precedence with build metadata ignored and an integer version
/// <c>n</c> counting as <c>n.0.0</c>. It orders the items of one <c>revision_history</c> and equally the documents
/// that are revisions of one advisory, by their <c>/document/tracking/current_release_date</c> and <c>version</c>.
/// </summary>
public static class CsafRevisionOrder
{
    /// <summary>Compares two revisions by release date, then by version.</summary>
    /// <param name="dateX">The first revision's date (RFC 3339, as CSAF writes it).</param>
    /// <param name="versionX">The first revision's version number.</param>
    /// <param name="dateY">The second revision's date.</param>
    /// <param name="versionY">The second revision's version number.</param>
    /// <returns>Negative when the first is the earlier revision, positive when it is the later, zero when neither date
    /// nor version tells them apart. A date or version that cannot be read comes before every one that can.</returns>
    public static int Compare(string? dateX, string? versionX, string? dateY, string? versionY) =>
        Compare(ReadDate(dateX), DocumentVersion.Parse(versionX), ReadDate(dateY), DocumentVersion.Parse(versionY));

    internal static int Compare(DateTimeOffset? dateX, DocumentVersion? versionX, DateTimeOffset? dateY, DocumentVersion? versionY)
    {
        var byDate = Nullable.Compare(dateX, dateY);
        return byDate != 0 ? byDate : Comparer<DocumentVersion?>.Default.Compare(versionX, versionY);
    }

    internal static DateTimeOffset? ReadDate(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
