using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// Follows a provider: finds its provider-metadata.json and stores it once (by that URL), on the record, then claims
/// the publisher namespace its metadata declares if no provider holds it yet (<see cref="PublisherNamespaceClaims"/>).
/// </summary>
public sealed class ProviderFollowing(
    VigilDbContext db, ProviderLocator locator, PublisherNamespaceClaims claims, EventRecorder events, WriteTransactions writes, TimeProvider clock)
{
    /// <summary>What the events about a followed provider are about.</summary>
    public const string ObjectKind = "provider";

    public const string FollowedEvent = "provider-followed";

    /// <summary>The followed provider and whether it is new, or why it cannot be followed.</summary>
    /// <param name="by">The person who asked; null when the configuration lists the provider.</param>
    public async Task<((FollowedProvider Provider, bool IsNew)? Followed, string? Problem)> FollowAsync(Uri start, ClaimsPrincipal? by, CancellationToken cancellationToken)
    {
        // A URL already followed is not fetched again: following is idempotent and works while the provider is down.
        var known = await db.FollowedProviders.AsNoTracking().SingleOrDefaultAsync(p => p.MetadataUrl == start.AbsoluteUri, cancellationToken);
        if (known is not null)
        {
            return ((known, false), null);
        }
        var (url, metadata, problem) = await locator.LocateAsync(start, cancellationToken);
        if (url is null)
        {
            return (null, problem);
        }
        known = await db.FollowedProviders.AsNoTracking().SingleOrDefaultAsync(p => p.MetadataUrl == url.AbsoluteUri, cancellationToken);
        if (known is not null)
        {
            return ((known, false), null);
        }
        var provider = new FollowedProvider { MetadataUrl = url.AbsoluteUri, AddedBy = by?.UserId(), AddedAt = clock.GetUtcNow() };
        try
        {
            await using var transaction = await writes.BeginAsync(db, cancellationToken);
            db.FollowedProviders.Add(provider);
            await db.SaveChangesAsync(cancellationToken);
            var details = new JsonObject { ["url"] = provider.MetadataUrl, ["configured"] = by is null };
            await events.RecordAsync(new EventRecorder.Event(FollowedEvent, ObjectKind, provider.Id.ToString(CultureInfo.InvariantCulture), details), by, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Followed at the same moment by another request or server; this transaction was rolled back.
            db.ChangeTracker.Clear();
            return ((await db.FollowedProviders.AsNoTracking().SingleAsync(p => p.MetadataUrl == url.AbsoluteUri, cancellationToken), false), null);
        }
        db.ChangeTracker.Clear();
        await claims.ClaimAsync(provider.Id, metadata!.Publisher.Namespace, cancellationToken);
        return ((provider, true), null);
    }
}
