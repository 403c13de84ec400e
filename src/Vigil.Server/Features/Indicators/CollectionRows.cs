using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// Reads the rows a change to a collection decides on, locked until its transaction ends, so that a label check and
/// the write it allows cannot be raced: a relabel against an import, a release against its source's relabel.
/// SQLite needs no row lock: its write transactions queue whole (<c>WriteTransactions</c>).
/// </summary>
public static class CollectionRows
{
    public static Task<IndicatorCollection?> CollectionAsync(VigilDbContext db, string id, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? db.IndicatorCollections.FromSql($"SELECT * FROM indicator_collections WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken)
            : db.IndicatorCollections.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public static Task<CollectionIndicator?> IndicatorAsync(VigilDbContext db, string collectionId, string stixId, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? db.CollectionIndicators.FromSql($"SELECT * FROM collection_indicators WHERE collection_id = {collectionId} AND stix_id = {stixId} FOR UPDATE")
                .SingleOrDefaultAsync(cancellationToken)
            : db.CollectionIndicators.SingleOrDefaultAsync(i => i.CollectionId == collectionId && i.StixId == stixId, cancellationToken);

    /// <summary>
    /// An incident, its row held against relabelling (PostgreSQL: FOR SHARE) until the transaction ends, so that
    /// indicators taken from it carry the label it has when they are stored; the relabelling submission, which locks
    /// the row FOR UPDATE, then finds them and brings them in step.
    /// </summary>
    public static Task<Incident?> IncidentAsync(VigilDbContext db, string id, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? db.Incidents.FromSql($"SELECT * FROM incidents WHERE id = {id} FOR SHARE").AsNoTracking().SingleOrDefaultAsync(cancellationToken)
            : db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
}
