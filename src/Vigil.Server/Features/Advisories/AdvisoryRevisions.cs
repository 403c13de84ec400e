using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vigil.Csaf.Validation;
using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Server.Features.Advisories;

/// <summary>
/// Which imported rows are the newest revision of their advisory. The rows with the same publisher namespace and
/// tracking id are one advisory's revisions (as the import and the aggregation store them); the newest is the latest
/// by its CSAF tracking (<see cref="CsafRevisionOrder"/>: current release date, then version), whatever order the rows
/// arrived in. Rows the tracking cannot tell apart (an analyst may import one version twice with other bytes) go by
/// import order, the later first. Callers pass the rows of one TLP audience, so the newest is the newest that audience
/// may read: a caller who may not read the latest revision is answered from the latest one it may.
/// </summary>
public static class AdvisoryRevisions
{
    public sealed record Tracking(long Id, string PublisherNamespace, string TrackingId, string Version, string CurrentReleaseDate);

    private static readonly IComparer<Tracking> Order = Comparer<Tracking>.Create((x, y) =>
        Compare((x.CurrentReleaseDate, x.Version, x.Id), (y.CurrentReleaseDate, y.Version, y.Id)));

    /// <summary>The order of stored revisions: by their CSAF tracking, then, where it cannot tell, by import (row id).</summary>
    public static int Compare((string CurrentReleaseDate, string Version, long Id) x, (string CurrentReleaseDate, string Version, long Id) y) =>
        CsafRevisionOrder.Compare(x.CurrentReleaseDate, x.Version, y.CurrentReleaseDate, y.Version) is var order and not 0 ? order : x.Id.CompareTo(y.Id);

    public static IQueryable<Tracking> SelectTracking(this IQueryable<ImportedAdvisory> advisories) =>
        advisories.Select(a => new Tracking(a.Id, a.PublisherNamespace, a.TrackingId, a.Version, a.CurrentReleaseDate));

    /// <summary>The ids of the rows that are the newest of their advisory among <paramref name="rows"/>.</summary>
    public static HashSet<long> Newest(IEnumerable<Tracking> rows) =>
        [.. rows.GroupBy(r => (NamespaceKey(r.PublisherNamespace), r.TrackingId)).Select(revisions => revisions.Max(Order)!.Id)];

    /// <summary>
    /// A publisher namespace as compared: a URL's case and a trailing '/' do not make another publisher
    /// (<c>https://Vendor.example/</c> and <c>https://vendor.example</c> are one). Also the key a namespace's owner is
    /// stored under (lower case, as <see cref="Data.Entities.PublisherNamespace"/> says).
    /// </summary>
    public static string NamespaceKey(string publisherNamespace) => publisherNamespace.TrimEnd('/').ToLowerInvariant();

    /// <summary>Whether two publisher namespaces name the same publisher (see <see cref="NamespaceKey"/>).</summary>
    public static bool SameNamespace(string a, string b) => NamespaceKey(a) == NamespaceKey(b);

    /// <summary>Whether the caller may read a newer revision of the advisory than this one.</summary>
    public static async Task<bool> IsSupersededAsync(VigilDbContext db, ClaimsPrincipal user, ImportedAdvisory advisory, CancellationToken cancellationToken)
    {
        var revisions = await db.ImportedAdvisories.AsNoTracking()
            .Where(a => a.TrackingId == advisory.TrackingId)
            .SelectTracking().ToListAsync(cancellationToken);
        return !Newest(revisions.Where(r => SameNamespace(r.PublisherNamespace, advisory.PublisherNamespace))).Contains(advisory.Id);
    }
}
