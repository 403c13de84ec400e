namespace Vigil.Data.Entities;

/// <summary>
/// What an organisation runs, as its reporters (or an analyst) last uploaded it: a CycloneDX SBOM or a product list,
/// kept as its components (<see cref="InventoryItem"/>). An upload replaces the whole inventory.
/// </summary>
public sealed class OrganisationInventory
{
    public required string OrganisationId { get; init; }
    /// <summary>What was uploaded: <c>cyclonedx-1.4</c> to <c>cyclonedx-1.6</c>, or <c>product-list</c>.</summary>
    public required string Format { get; set; }
    public int ComponentCount { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One component of an organisation's inventory, with where the upload gave it (a JSON pointer).</summary>
public sealed class InventoryItem
{
    public required string OrganisationId { get; init; }
    /// <summary>The component's place in the upload (the key, with the organisation), so it lists in the order given.</summary>
    public int Position { get; init; }
    public required string Pointer { get; init; }
    public required string Name { get; init; }
    public string? Vendor { get; init; }
    public string? Version { get; init; }
    /// <summary>The canonical package URL.</summary>
    public string? Purl { get; init; }
    /// <summary>The CPE 2.3 formatted string, lower-case.</summary>
    public string? Cpe { get; init; }
}
