using Vigil.Domain.Versions;

namespace Vigil.Domain.Exposure;

/// <summary>
/// Whether one component is one affected product, and in an affected version. The most exact identity both sides
/// have decides: a purl on both sides settles it (same package or not), else a CPE name on both sides, else the
/// normalised vendor and product names. The version then has to lie in one of the entry's ranges or be one of its
/// single versions; an entry that gives no version at all matches on identity alone, and says so.
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
        if (!identityAgrees)
        {
            return null;
        }
        if (entry.NamesNoVersion)
        {
            // The document names the product and nothing more: say so, never claim a version is affected.
            return new ExposureMatch(component, entry, method, MatchBasis.NoVersionGiven, version, null);
        }
        var inRange = entry.RangeWords is null ? MatchBasis.VersionInRange : MatchBasis.RangeFromName;
        if (entry.Affected.FirstOrDefault(r => r.IsEveryVersion) is { } every)
        {
            // Every version (vers:all/*): whatever the component runs, even when its version is not known.
            return new ExposureMatch(component, entry, method, inRange, version, every.ToString());
        }
        if (version is null)
        {
            return null;
        }
        foreach (var range in entry.Affected)
        {
            if (range.Scheme is { } scheme && ComponentVersion.ForScheme(scheme, version) is { } readable && range.Contains(readable))
            {
                var exact = range.Constraints is [{ Comparator: VersionComparator.Equal } only] ? only.Version : null;
                var basis = exact is not null && entry.RangeWords is null ? MatchBasis.ExactVersion : inRange;
                return new ExposureMatch(component, entry, method, basis, version, basis == MatchBasis.ExactVersion ? exact : range.ToString());
            }
        }
        foreach (var named in entry.Versions)
        {
            if (string.Equals(ComponentVersion.WithoutLeadingV(named.Trim()), ComponentVersion.WithoutLeadingV(version.Trim()), StringComparison.OrdinalIgnoreCase))
            {
                return new ExposureMatch(component, entry, method, MatchBasis.ExactVersion, version, named);
            }
        }
        return null;
    }

    /// <summary>
    /// Whether a fixed or not-affected statement outweighs an affected one for the same component: a version the
    /// document names exactly always does; a range (given or read from words) only outweighs a statement that gives
    /// no version at all. Overlapping ranges that contradict each other are left affected, erring towards telling.
    /// </summary>
    public static bool Outweighs(MatchBasis exclusion, MatchBasis affected) =>
        exclusion == MatchBasis.ExactVersion
        || ((exclusion is MatchBasis.VersionInRange or MatchBasis.RangeFromName) && affected == MatchBasis.NoVersionGiven);

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
        return new[] { product, full, $"{vendor} {product}".Trim(), $"{vendor} {full}".Trim() }.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal);
    }

    public static string ComponentNameKey(InventoryComponent component) => ProductNameKey.Product(component.Name);

    /// <summary>A vendor given on both sides must agree; a document that names no vendor (a bare full product name) leaves it to the name.</summary>
    private static bool SameName(InventoryComponent component, IAffectedProductEntry entry) =>
        EntryNameKeys(entry).Contains(ComponentNameKey(component), StringComparer.Ordinal)
        && (component.Vendor is null || ProductNameKey.Vendor(entry.Vendor).Length == 0
            || ProductNameKey.Vendor(component.Vendor) == ProductNameKey.Vendor(entry.Vendor));
}
