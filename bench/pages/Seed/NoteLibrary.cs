using System.Text.Json.Nodes;

namespace Vigil.Bench.Pages.Seed;

/// <summary>
/// Vulnerability notes built from the real CSAF advisories in the shared data (Red Hat, Cisco, BSI and the OASIS VEX
/// examples): their CVEs, titles, descriptions, CWE ids, CVSS vectors, products and remediations. Two hundred notes
/// from a few dozen vulnerabilities repeat them with other product versions, which is what sizes and timings need.
/// </summary>
public sealed class NoteLibrary
{
    private sealed record Vulnerability(string Cve, string Title, string Description, string? Cwe, string? Cvss, string Remedy, IReadOnlyList<(string Vendor, string Product)> Products);

    private readonly List<Vulnerability> _vulnerabilities = [];
    private readonly List<string> _vectors = [];
    private readonly Random _random;

    public NoteLibrary(string sharedData, Random random)
    {
        _random = random;
        var examples = Path.Combine(sharedData, "csaf", "2.0", "examples", "csaf");
        var files = Directory.GetFiles(examples, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Append(Path.Combine(sharedData, "examples", "excert-2019-0080.json"));
        var seen = new HashSet<string>();
        foreach (var file in files)
        {
            var advisory = JsonNode.Parse(File.ReadAllText(file))!;
            var products = ProductsOf(advisory["product_tree"]);
            foreach (var vulnerability in advisory["vulnerabilities"]?.AsArray() ?? [])
            {
                if (vulnerability?["cve"]?.GetValue<string>() is not { } cve || !seen.Add(cve) || products.Count == 0)
                {
                    continue;
                }
                var notes = vulnerability["notes"]?.AsArray().Select(n => n!["text"]!.GetValue<string>()).ToList() ?? [];
                var vector = vulnerability["scores"]?.AsArray().Select(s => s!["cvss_v3"]?["vectorString"]?.GetValue<string>()).FirstOrDefault(v => v is not null)?.Replace("CVSS:3.0/", "CVSS:3.1/", StringComparison.Ordinal);
                if (vector is not null) { _vectors.Add(vector); }
                var title = vulnerability["title"]?.GetValue<string>() is { Length: > 0 } t ? t : $"{cve} in {products[0].Product}";
                var remedy = vulnerability["remediations"]?.AsArray().Select(r => r!["details"]!.GetValue<string>()).FirstOrDefault()
                    ?? "Apply the vendor's update as soon as it is available; until then, restrict network access to the affected service.";
                _vulnerabilities.Add(new(cve, title, notes.FirstOrDefault() ?? title, vulnerability["cwe"]?["id"]?.GetValue<string>(), vector, remedy, products));
            }
        }
        if (_vulnerabilities.Count == 0) { throw new SeedingFailed($"no CSAF advisories with CVEs under {examples}"); }
    }

    public int VulnerabilityCount => _vulnerabilities.Count;

    /// <summary>The <paramref name="number"/>th note's body, under <paramref name="tlp"/>.</summary>
    public JsonObject Note(int number, string tlp, int revision = 0)
    {
        var v = _vulnerabilities[number % _vulnerabilities.Count];
        var vector = v.Cvss ?? _vectors[number % _vectors.Count];
        var major = 1 + number % 7;
        var fixedVersion = $"{major}.{2 + number % 9}.{revision + 1}";
        var products = new JsonArray();
        foreach (var (vendor, product) in v.Products.Skip(number % Math.Max(1, v.Products.Count - 2)).Take(3))
        {
            products.Add(new JsonObject
            {
                ["vendor"] = vendor,
                ["product"] = product,
                ["purl"] = $"pkg:generic/{Slug(vendor)}/{Slug(product)}",
                ["affected"] = new JsonArray($"vers:semver/>={major}.0.0|<{fixedVersion}"),
                ["fixed"] = new JsonArray(fixedVersion),
            });
        }
        var note = new JsonObject
        {
            ["title"] = $"{v.Title} ({products[0]!["product"]} {major}.x)",
            ["summary"] = $"{v.Description.Split('\n')[0]}",
            ["severity"] = Severity(vector),
            ["tlp"] = tlp,
            ["cve_ids"] = new JsonArray(v.Cve),
            ["cvss"] = new JsonArray(vector),
            ["products"] = products,
            ["description"] = v.Description,
            ["impact"] = "A remote attacker could exploit this vulnerability to compromise the confidentiality, integrity or availability of the affected system.",
            ["countermeasures"] = $"{v.Remedy}\n\nUpgrade to version {fixedVersion} or later.",
            ["references"] = new JsonArray(new JsonObject { ["url"] = $"https://www.cve.org/CVERecord?id={v.Cve}", ["summary"] = "CVE record" }),
        };
        if (v.Cwe is not null) { note["cwe_ids"] = new JsonArray(v.Cwe); }
        if (revision > 0)
        {
            note["workarounds"] = $"Revision {revision}: where the update cannot be applied at once, disable the affected feature and filter its port at the perimeter.";
        }
        return note;
    }

    private static string Severity(string vector) =>
        (vector.Contains("AV:N", StringComparison.Ordinal), vector.Split('/').Count(m => m is "C:H" or "I:H" or "A:H")) switch
        {
            (true, 3) => "critical",
            (_, >= 2) => "high",
            (_, >= 1) => "medium",
            _ => "low",
        };

    private static List<(string Vendor, string Product)> ProductsOf(JsonNode? tree)
    {
        var found = new List<(string, string)>();
        void Walk(JsonNode? branch, string? vendor)
        {
            foreach (var child in branch?["branches"]?.AsArray() ?? [])
            {
                var category = child!["category"]!.GetValue<string>();
                var name = child["name"]!.GetValue<string>();
                if (category == "product_name" && vendor is not null && !found.Contains((vendor, name))) { found.Add((vendor, name)); }
                Walk(child, category == "vendor" ? name : vendor);
            }
        }
        Walk(tree, null);
        return found;
    }

    private static string Slug(string name) => new([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
