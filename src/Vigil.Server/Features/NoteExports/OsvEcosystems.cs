using Vigil.Domain.Notes;
using Vigil.Domain.Versions;

namespace Vigil.Server.Features.NoteExports;

/// <summary>
/// The OSV package of a note's product: the ecosystem that matches its purl's type, and the package name as that
/// ecosystem writes it. A product without such a purl (an app, a firmware) keeps its vendor as the ecosystem and its
/// product as the name, so that the entry still says what it is about.
/// </summary>
internal static class OsvEcosystems
{
    private static readonly Dictionary<string, string> ByPurlType = new(StringComparer.Ordinal)
    {
        ["npm"] = "npm", ["pypi"] = "PyPI", ["maven"] = "Maven", ["nuget"] = "NuGet", ["golang"] = "Go",
        ["cargo"] = "crates.io", ["gem"] = "RubyGems", ["composer"] = "Packagist", ["hex"] = "Hex", ["pub"] = "Pub",
        ["hackage"] = "Hackage", ["cran"] = "CRAN", ["swift"] = "SwiftURL",
    };

    public static (string Ecosystem, string Name, string? Purl) Package(AffectedProduct product)
    {
        if (product.Purl is not null && PackageUrl.TryParse(product.Purl, out var purl, out _))
        {
            var name = purl.Namespace is null ? purl.Name
                : purl.Type == "maven" ? $"{purl.Namespace}:{purl.Name}" : $"{purl.Namespace}/{purl.Name}";
            if (ByPurlType.TryGetValue(purl.Type, out var ecosystem))
            {
                return (ecosystem, name, product.Purl);
            }
            return (product.Vendor, product.FullName, product.Purl);
        }
        return (product.Vendor, product.FullName, null);
    }
}
