using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Exposure;
using Vigil.Domain.Versions;
using Vigil.Server.Features.Affected;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Inventory;

/// <summary>An organisation's inventory in the database: replaced whole by an upload, read back as components to match.</summary>
public sealed class InventoryStore(VigilDbContext db, WriteTransactions transactions, TimeProvider clock)
{
    public sealed record Stored(OrganisationInventory Header, IReadOnlyList<InventoryItem> Items)
    {
        /// <summary>The stored items as the matcher reads components; what was stored was read and checked on upload.</summary>
        public IReadOnlyList<InventoryComponent> Components { get; } =
        [
            .. Items.Select(i => new InventoryComponent(i.Pointer, i.Name, i.Vendor, i.Version,
                i.Purl is not null && PackageUrl.TryParseLenient(i.Purl, out var purl, out _) ? purl : null,
                i.Cpe is not null && CpeName.TryParse(i.Cpe, out var cpe) ? cpe : null)),
        ];
    }

    /// <summary>Replaces the organisation's inventory in one transaction: readers see the old one or the new one, never a mix.</summary>
    public async Task<Stored> ReplaceAsync(string organisationId, string userId, InventoryBody.Read inventory, CancellationToken cancellationToken)
    {
        await using var transaction = await transactions.BeginAsync(db, cancellationToken);
        await db.InventoryItems.Where(i => i.OrganisationId == organisationId).ExecuteDeleteAsync(cancellationToken);
        var header = await db.OrganisationInventories.SingleOrDefaultAsync(i => i.OrganisationId == organisationId, cancellationToken);
        if (header is null)
        {
            header = new OrganisationInventory { OrganisationId = organisationId, Format = inventory.Format, UpdatedBy = userId };
            db.OrganisationInventories.Add(header);
        }
        header.Format = inventory.Format;
        header.ComponentCount = inventory.Components.Count;
        header.UpdatedBy = userId;
        header.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var items = inventory.Components.Select((c, position) => new InventoryItem
        {
            OrganisationId = organisationId,
            Position = position,
            Pointer = c.Pointer,
            Name = c.Name,
            Vendor = c.Vendor,
            Version = c.Version,
            Purl = c.Purl?.ToString(),
            Cpe = c.Cpe?.ToString(),
        }).ToList();
        await MultiRowInsert.InsertAsync(db, items, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Stored(header, items);
    }

    /// <summary>The organisation's inventory, or null when none was uploaded.</summary>
    public async Task<Stored?> LoadAsync(string organisationId, CancellationToken cancellationToken)
    {
        var header = await db.OrganisationInventories.AsNoTracking().SingleOrDefaultAsync(i => i.OrganisationId == organisationId, cancellationToken);
        if (header is null)
        {
            return null;
        }
        var items = await db.InventoryItems.AsNoTracking().Where(i => i.OrganisationId == organisationId)
            .OrderBy(i => i.Position).ToListAsync(cancellationToken);
        return new Stored(header, items);
    }
}
