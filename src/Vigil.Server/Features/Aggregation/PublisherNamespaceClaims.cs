using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Advisories;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// Whose a publisher namespace is (<see cref="PublisherNamespace"/>): the followed provider whose metadata declared it
/// first, or the one an analyst pinned it to. Documents under it from any other provider are refused, so that no
/// provider can supersede another publisher's advisories by declaring its namespace. Namespaces are compared as the
/// advisory list compares them (<see cref="AdvisoryRevisions.NamespaceKey"/>).
/// </summary>
public sealed class PublisherNamespaceClaims(VigilDbContext db, TimeProvider clock)
{
    /// <summary>The longest namespace held (the column's limit).</summary>
    public const int MaxLength = 1000;

    /// <summary>
    /// Claims the namespace for the provider if no one holds it yet; answers why the provider's documents under it are
    /// refused, or null when the namespace is the provider's.
    /// </summary>
    public async Task<string?> ClaimAsync(long providerId, string publisherNamespace, CancellationToken cancellationToken)
    {
        var key = AdvisoryRevisions.NamespaceKey(publisherNamespace);
        if (key.Length > MaxLength)
        {
            return $"the publisher namespace is longer than {MaxLength} characters";
        }
        var claim = await db.PublisherNamespaces.AsNoTracking().SingleOrDefaultAsync(n => n.Namespace == key, cancellationToken)
            ?? await FirstClaimAsync(providerId, key, cancellationToken);
        return claim.ProviderId == providerId ? null : await RefusalAsync(claim, publisherNamespace, cancellationToken);
    }

    private async Task<PublisherNamespace> FirstClaimAsync(long providerId, string key, CancellationToken cancellationToken)
    {
        // A provider followed before namespaces were claimed may have declared this one already: the earliest holds it.
        var declared = await db.FollowedProviders.AsNoTracking()
            .Where(p => p.Id < providerId && p.PublisherNamespace != null).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.PublisherNamespace }).ToListAsync(cancellationToken);
        var first = declared.FirstOrDefault(p => AdvisoryRevisions.NamespaceKey(p.PublisherNamespace!) == key)?.Id ?? providerId;
        var claim = new PublisherNamespace { Namespace = key, ProviderId = first, ClaimedAt = clock.GetUtcNow() };
        db.PublisherNamespaces.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return claim;
        }
        catch (DbUpdateException)
        {
            // Claimed a moment ago by another run or server: that claim stands.
            return await db.PublisherNamespaces.AsNoTracking().SingleAsync(n => n.Namespace == key, cancellationToken);
        }
        finally
        {
            db.Entry(claim).State = EntityState.Detached;
        }
    }

    private async Task<string> RefusalAsync(PublisherNamespace claim, string publisherNamespace, CancellationToken cancellationToken)
    {
        var holder = await db.FollowedProviders.AsNoTracking().Where(p => p.Id == claim.ProviderId).Select(p => p.MetadataUrl).SingleAsync(cancellationToken);
        var how = claim.PinnedBy is null ? "claimed by its provider-metadata.json" : $"pinned to it by {claim.PinnedBy}";
        return $"publisher namespace {publisherNamespace} belongs to provider {claim.ProviderId} ({holder}): {how} at "
            + claim.ClaimedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
