using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Server.Features.Advisories;
using Vigil.Server.Features.Csaf;
using Vigil.Csaf.Writing;

namespace Vigil.Server.Features.Aggregation;

/// <summary>One document a mirror serves: the newest revision Vigil holds at its path.</summary>
/// <param name="Path">Relative to the mirror's directory: <c>2024/x.json</c>.</param>
/// <param name="FirstImportedAt">When the mirror first held a revision at this path.</param>
public sealed record MirroredDocument(
    long AdvisoryId, string Path, string TrackingId, string Title, string CurrentReleaseDate, DateTimeOffset ImportedAt, DateTimeOffset FirstImportedAt);

/// <summary>
/// What Vigil's mirror of a followed provider serves. A provider has a mirror once a run read its metadata and only
/// while that metadata allows mirroring (<c>mirror_on_CSAF_aggregators</c>). Of the documents fetched from it, a path
/// serves the newest revision Vigil holds there (by the document's tracking, as the advisory list orders revisions),
/// and only when that revision is labelled TLP:CLEAR (WHITE) and was stored with the provider's signature: anything
/// else, including an advisory whose newest revision is no longer CLEAR, is not on the mirror. Older revisions stay
/// in the database. Documents an analyst imported by hand belong to no provider and are never mirrored.
/// </summary>
public sealed class MirrorDocuments(VigilDbContext db)
{
    public Task<FollowedProvider?> ProviderAsync(string folder, CancellationToken cancellationToken) =>
        db.FollowedProviders.AsNoTracking()
            .SingleOrDefaultAsync(p => p.MirrorFolder == folder && p.MirrorOnAggregators && p.PublisherName != null, cancellationToken);

    /// <summary>Every document the provider's mirror serves, newest change first.</summary>
    public async Task<List<MirroredDocument>> ServedAsync(long providerId, CancellationToken cancellationToken) =>
        Served(await RowsAsync(db.ImportedAdvisories.Where(a => a.ProviderId == providerId && a.DirectoryPath != null), cancellationToken));

    /// <summary>The bytes and signature the mirror serves at <paramref name="path"/>, or null.</summary>
    public async Task<(byte[] Content, byte[] Signature)?> FindAsync(long providerId, string path, CancellationToken cancellationToken)
    {
        // What a path serves depends on that path's revisions alone: only its year's are read, and named as now.
        var year = path.Split('/')[0] + "/";
        var rows = await RowsAsync(db.ImportedAdvisories.Where(a => a.ProviderId == providerId && a.DirectoryPath!.StartsWith(year)), cancellationToken);
        if (Served(rows).SingleOrDefault(d => d.Path == path) is not { } served)
        {
            return null;
        }
        var advisory = await db.ImportedAdvisories.AsNoTracking().Where(a => a.Id == served.AdvisoryId)
            .Select(a => new { a.Content, a.Signature }).SingleAsync(cancellationToken);
        return (advisory.Content, advisory.Signature!);
    }

    public Task<List<ProviderKey>> KeysAsync(long providerId, CancellationToken cancellationToken) =>
        db.ProviderKeys.AsNoTracking().Where(k => k.ProviderId == providerId).OrderBy(k => k.Id).ToListAsync(cancellationToken);

    // Which revision is a path's newest is decided over every revision, whoever asks; only a CLEAR newest one is served.
    private static async Task<List<Row>> RowsAsync(IQueryable<ImportedAdvisory> advisories, CancellationToken cancellationToken) =>
        [.. (await advisories.AsNoTracking().IgnoreQueryFilters([AudienceFilters.Name])
            .Select(a => new Row(a.Id, a.DirectoryPath!, a.TrackingId, a.Title, a.Version, a.CurrentReleaseDate, a.Tlp, a.Signature != null, a.ImportedAt))
            .ToListAsync(cancellationToken)).Select(r => r with { Path = Named(r.Path, r.TrackingId) })];

    /// <summary>
    /// The stored path's year folder with the file name section 5.1 gives the tracking id now: rows stored before the
    /// rule wrote one '_' per character (<c>oasis____csaf_tc-...</c>) are served at the right name too.
    /// </summary>
    private static string Named(string storedPath, string trackingId) =>
        storedPath.Split('/')[0] + "/" + CsafLocations.FileName(trackingId);

    private static List<MirroredDocument> Served(List<Row> rows) =>
        [.. rows.GroupBy(r => r.Path, StringComparer.Ordinal)
            .Select(revisions => (Newest: revisions.Max(Order)!, First: revisions.Min(r => r.ImportedAt)))
            .Where(p => p.Newest.Tlp == TlpLabel.Clear && p.Newest.Signed)
            .Select(p => new MirroredDocument(p.Newest.Id, p.Newest.Path, p.Newest.TrackingId, p.Newest.Title, p.Newest.CurrentReleaseDate, p.Newest.ImportedAt, p.First))
            .OrderByDescending(d => d.ImportedAt).ThenBy(d => d.Path, StringComparer.Ordinal)];

    private sealed record Row(
        long Id, string Path, string TrackingId, string Title, string Version, string CurrentReleaseDate, string Tlp, bool Signed, DateTimeOffset ImportedAt);

    private static readonly IComparer<Row> Order = Comparer<Row>.Create((x, y) =>
        AdvisoryRevisions.Compare((x.CurrentReleaseDate, x.Version, x.Id), (y.CurrentReleaseDate, y.Version, y.Id)));
}
