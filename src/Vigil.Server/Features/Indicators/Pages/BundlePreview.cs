using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Server.Features.Indicators.Pages;

/// <summary>
/// What the import would do, as the preview shows it: the import's own plan (<see cref="BundlePlan"/>), and which of
/// its indicators the collection already holds (<see cref="CollectionIndicatorWriter.SortAsync"/>), read without writing.
/// </summary>
public sealed record BundlePreview(BundlePlan Plan, IReadOnlyList<CollectionIndicator> Fresh, IReadOnlyList<CollectionIndicator> Present)
{
    /// <summary>How many of the indicators to be added the page lists; the rest are counted.</summary>
    public const int Listed = 100;

    /// <summary>The preview of importing <paramref name="bytes"/> into the collection; null with the problem when the bundle cannot be imported at all.</summary>
    public static async Task<(BundlePreview? Preview, PageProblem? Problem)> OfAsync(
        VigilDbContext db, string collectionId, byte[] bytes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (bundle, problem) = ImportBundle.Read(bytes);
        if (problem is not null)
        {
            return (null, PageProblem.Of(problem));
        }
        var collection = await db.IndicatorCollections.AsNoTracking().SingleAsync(c => c.Id == collectionId, cancellationToken);
        var plan = BundlePlan.For(bundle!, collection, clock.GetUtcNow());
        var (fresh, present) = await CollectionIndicatorWriter.SortAsync(db, collectionId, plan.Candidates, cancellationToken);
        return (new BundlePreview(plan, fresh, present), null);
    }

    /// <summary>The label the bundle marks an object with, by its id; null when unmarked.</summary>
    public string? MarkingOf(string stixId) => Plan.Kept.FirstOrDefault(k => k.Object.Id == stixId)?.Marking;
}
