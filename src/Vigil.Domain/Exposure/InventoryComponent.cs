using Vigil.Domain.Versions;

namespace Vigil.Domain.Exposure;

/// <summary>
/// One thing an organisation runs: a component of its SBOM or an entry of its product list, with the JSON pointer
/// of where it was given, so that an answer can say which component a note hits.
/// </summary>
public sealed record InventoryComponent(
    string Pointer, string Name, string? Vendor, string? Version, PackageUrl? Purl, CpeName? Cpe);
