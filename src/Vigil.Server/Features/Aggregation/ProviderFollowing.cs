using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Server.Features.Aggregation;

/// <summary>Follows a provider: finds its provider-metadata.json and stores it once (by that URL).</summary>
public sealed class ProviderFollowing(VigilDbContext db, ProviderLocator locator, TimeProvider clock)
{
    /// <summary>The followed provider and whether it is new, or why it cannot be followed.</summary>
    public async Task<((FollowedProvider Provider, bool IsNew)? Followed, string? Problem)> FollowAsync(Uri start, string? by, CancellationToken cancellationToken)
    {
        // A URL already followed is not fetched again: following is idempotent and works while the provider is down.
        var known = await db.FollowedProviders.AsNoTracking().SingleOrDefaultAsync(p => p.MetadataUrl == start.AbsoluteUri, cancellationToken);
        if (known is not null)
        {
            return ((known, false), null);
        }
        var (url, _, problem) = await locator.LocateAsync(start, cancellationToken);
        if (url is null)
        {
            return (null, problem);
        }
        known = await db.FollowedProviders.AsNoTracking().SingleOrDefaultAsync(p => p.MetadataUrl == url.AbsoluteUri, cancellationToken);
        if (known is not null)
        {
            return ((known, false), null);
        }
        var provider = new FollowedProvider { MetadataUrl = url.AbsoluteUri, AddedBy = by, AddedAt = clock.GetUtcNow() };
        db.FollowedProviders.Add(provider);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ((provider, true), null);
        }
        catch (DbUpdateException)
        {
            // Followed at the same moment by another request or server.
            db.ChangeTracker.Clear();
            return ((await db.FollowedProviders.AsNoTracking().SingleAsync(p => p.MetadataUrl == url.AbsoluteUri, cancellationToken), false), null);
        }
    }
}
