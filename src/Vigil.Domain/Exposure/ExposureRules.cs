using Vigil.Domain.Versions;

namespace Vigil.Domain.Exposure;

/// <summary>
/// Whether one component is one affected product, and in an affected version. The most exact identity both sides
/// have decides: a purl on both sides settles it (same package or not), else a CPE name on both sides, else the
/// normalised vendor and product names. The version then has to lie in one of the entry's ranges.
/// </summary>
public static class ExposureRules
{
    public static ExposureMatch? Match(InventoryComponent component, IAffectedProductEntry entry)
    {
        var (method, identityAgrees, version) =
            component.Purl is not null && entry.Purl is not null
                ? (MatchMethod.Purl, SamePackage(entry.Purl, component.Purl), component.Purl.Version ?? component.Version)
            : component.Cpe is not null && entry.Cpe is not null
                ? (MatchMethod.Cpe, entry.Cpe.Covers(component.Cpe), component.Cpe.ConcreteVersion ?? component.Version)
            : (MatchMethod.Name, SameName(component, entry), component.Version);
        if (!identityAgrees || version is null)
        {
            return null;
        }
        foreach (var range in entry.Affected)
        {
            if (range.Scheme is { } scheme && ComponentVersion.ForScheme(scheme, version) is { } readable && range.Contains(readable))
            {
                return new ExposureMatch(component, entry, method, version, range.ToString());
            }
        }
        return null;
    }

    /// <summary>Type, namespace and name; qualifiers the entry gives (such as <c>os=android</c>) must be on the component too.</summary>
    public static bool SamePackage(PackageUrl entry, PackageUrl component) =>
        PackageKey(entry) == PackageKey(component)
        && entry.Qualifiers.All(q => component.Qualifiers.TryGetValue(q.Key, out var value) && value == q.Value);

    public static string PackageKey(PackageUrl purl) => $"{purl.Type}/{purl.Namespace}/{purl.Name}";

    /// <summary>The names an entry answers to: its product, its full name with platform, and the vendor before either.</summary>
    public static IEnumerable<string> EntryNameKeys(IAffectedProductEntry entry)
    {
        var vendor = ProductNameKey.Vendor(entry.Vendor);
        var product = ProductNameKey.Product(entry.Product);
        var full = entry.Platform is null ? product : $"{product} {ProductNameKey.Product(entry.Platform)}".Trim();
        return new[] { product, full, $"{vendor} {product}", $"{vendor} {full}" }.Distinct(StringComparer.Ordinal);
    }

    public static string ComponentNameKey(InventoryComponent component) => ProductNameKey.Product(component.Name);

    private static bool SameName(InventoryComponent component, IAffectedProductEntry entry) =>
        EntryNameKeys(entry).Contains(ComponentNameKey(component), StringComparer.Ordinal)
        && (component.Vendor is null || ProductNameKey.Vendor(component.Vendor) == ProductNameKey.Vendor(entry.Vendor));
}
