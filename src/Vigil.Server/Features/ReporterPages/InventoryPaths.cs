namespace Vigil.Server.Features.ReporterPages;

/// <summary>Where an organisation's inventory page is.</summary>
public static class InventoryPaths
{
    public static string Of(string organisationId) => $"/organisations/{Uri.EscapeDataString(organisationId)}/inventory";
}
