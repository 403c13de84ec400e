using System.Text.Json.Nodes;
using Vigil.Domain.Exports;
using Vigil.Domain.Notes;
using Vigil.Domain.Versions;

namespace Vigil.Server.Features.NoteExports;

/// <summary>
/// A note's products as CVE JSON 5 <c>affected</c> entries: vendor, product, platform and CPE; each interval of its
/// <c>vers</c> ranges as a version entry (<c>lessThan</c> for a fix, <c>lessThanOrEqual</c> for a last affected
/// version, "0" for "from the start"); fixed versions as unaffected; anything else unaffected by default.
/// </summary>
internal static class CveAffected
{
    public static JsonArray From(IReadOnlyList<AffectedProduct> products) => [.. products.Select(Entry)];

    private static JsonObject Entry(AffectedProduct product)
    {
        var entry = new JsonObject { ["vendor"] = product.Vendor, ["product"] = product.Product };
        if (product.Platform is not null)
        {
            entry["platforms"] = new JsonArray(product.Platform);
        }
        if (product.Cpe is not null)
        {
            entry["cpes"] = new JsonArray(product.Cpe);
        }
        var ranges = product.Affected.Select(VersionRange.Parse).ToList();
        var everything = ranges.Any(r => r.Constraints is [{ Comparator: VersionComparator.Any }]);
        entry["defaultStatus"] = everything ? "affected" : "unaffected";
        var versions = new JsonArray();
        foreach (var range in ranges.Where(_ => !everything))
        {
            foreach (var interval in VersionInterval.Of(range))
            {
                versions.Add(Version(interval, range.Type));
            }
        }
        foreach (var version in product.Fixed)
        {
            versions.Add(new JsonObject { ["version"] = version, ["status"] = "unaffected" });
        }
        if (versions.Count > 0)
        {
            entry["versions"] = versions;
        }
        return entry;
    }

    private static JsonObject Version(VersionInterval interval, string versType)
    {
        if (interval.Exact is not null)
        {
            return new JsonObject { ["version"] = interval.Exact, ["status"] = "affected" };
        }
        var version = new JsonObject { ["version"] = interval.Introduced ?? "0", ["status"] = "affected", ["versionType"] = versType };
        if (interval.Fixed is not null)
        {
            version["lessThan"] = interval.Fixed;
        }
        else if (interval.LastAffected is not null)
        {
            version["lessThanOrEqual"] = interval.LastAffected;
        }
        else
        {
            // Open above: CVE JSON 5 writes "every later version" as lessThan "*".
            version["lessThan"] = "*";
        }
        return version;
    }
}
