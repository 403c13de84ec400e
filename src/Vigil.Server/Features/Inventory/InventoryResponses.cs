using Vigil.Data.Entities;
using Vigil.Server.Features.Affected;

namespace Vigil.Server.Features.Inventory;

/// <summary>An organisation's inventory: what was uploaded, when and by whom, and its components in upload order.</summary>
public sealed record InventoryResponse(
    string OrganisationId, string Format, int ComponentCount, DateTimeOffset UpdatedAt, string UpdatedBy, IReadOnlyList<InventoryItemResponse> Components)
{
    public static InventoryResponse From(InventoryStore.Stored stored) => new(
        stored.Header.OrganisationId, stored.Header.Format, stored.Header.ComponentCount, stored.Header.UpdatedAt, stored.Header.UpdatedBy,
        [.. stored.Items.Select(i => new InventoryItemResponse(i.Pointer, i.Name, i.Vendor, i.Version, i.Purl, i.Cpe))]);
}

public sealed record InventoryItemResponse(string Pointer, string Name, string? Vendor, string? Version, string? Purl, string? Cpe);

/// <summary>The organisation's exposure: its stored inventory checked now against what the caller may read.</summary>
public sealed record ExposureResponse(string OrganisationId, DateTimeOffset InventoryUpdatedAt, AffectedResponse Exposure);
