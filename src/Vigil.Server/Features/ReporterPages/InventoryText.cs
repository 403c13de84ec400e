namespace Vigil.Server.Features.ReporterPages;

/// <summary>The inventory and exposure pages' strings (InventoryText.resx, InventoryText.hi.resx).</summary>
public sealed class InventoryText;
