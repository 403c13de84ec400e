using System.Text.Json.Nodes;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Csaf;

/// <summary>
/// Many different notes from one seed: one to four vendors' products, semver and intdot ranges with one or two
/// bounds, purls and CPEs, CVSS v3.1 and v4.0 vectors taken from FIRST's sample files, CWE ids, several CVEs or none,
/// references, acknowledgments, workarounds, every TLP label.
/// </summary>
public sealed class VariedNotes(int seed)
{
    private static readonly string[] V31 = Vectors("cvss31-sample-vectors.csv");
    private static readonly string[] V40 = Vectors("cvss40-sample-vectors.csv");
    private static readonly string[] Cwes = ["CWE-122", "CWE-787", "CWE-79", "CWE-89", "CWE-20", "CWE-416", "CWE-78"];
    private static readonly string[] Tlps = ["CLEAR", "CLEAR", "CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"];

    private readonly Random _random = new(seed);

    public JsonObject Next(int n)
    {
        var note = NoteSamples.Minimal($"Generated note {n}: {Pick(["overflow", "injection", "bypass", "disclosure"])} in component {n}", Pick(Tlps));
        note["severity"] = Pick(["low", "medium", "high", "critical"]);
        note["products"] = new JsonArray([.. Enumerable.Range(0, 1 + _random.Next(4)).Select(i => (JsonNode)Product(n, i))]);
        var cvss = new JsonArray();
        if (_random.Next(4) != 0)
        {
            cvss.Add(Pick(V31));
        }
        if (_random.Next(2) == 0)
        {
            cvss.Add(Pick(V40));
        }
        note["cvss"] = cvss;
        note["cve_ids"] = new JsonArray([.. Enumerable.Range(0, _random.Next(3)).Select(i => (JsonNode)$"CVE-2026-{10000 + (n * 3) + i}")]);
        note["cwe_ids"] = new JsonArray([.. Cwes.OrderBy(_ => _random.Next()).Take(_random.Next(3)).Select(c => (JsonNode)c)]);
        if (_random.Next(2) == 0)
        {
            note["workarounds"] = "Block the *affected* port at the perimeter.";
            note["impact"] = "A remote attacker may run code.\n\nSee the vendor's advisory.";
        }
        note["references"] = new JsonArray(new JsonObject { ["url"] = $"https://vendor.example/advisories/{n}", ["summary"] = "Vendor advisory" });
        if (_random.Next(3) == 0)
        {
            note["acknowledgments"] = new JsonArray(new JsonObject { ["names"] = new JsonArray("A. Researcher"), ["organization"] = "Example Lab" });
        }
        return note;
    }

    private JsonObject Product(int n, int i)
    {
        var semver = _random.Next(2) == 0;
        var major = 1 + _random.Next(5);
        var fix = semver ? $"{major}.{_random.Next(10)}.{1 + _random.Next(20)}" : $"{major}.{_random.Next(30)}.{1 + _random.Next(500)}";
        var range = _random.Next(2) == 0 ? $"vers:{(semver ? "semver" : "intdot")}/<{fix}" : $"vers:{(semver ? "semver" : "intdot")}/>={major}.0.0|<{fix}";
        var product = new JsonObject
        {
            ["vendor"] = $"Vendor {(n + i) % 3}",
            ["product"] = $"Product {n}-{i}",
            ["affected"] = new JsonArray(range),
            ["fixed"] = new JsonArray(fix),
        };
        if (_random.Next(3) == 0)
        {
            product["platform"] = Pick(["Android", "iOS", "Linux"]);
        }
        if (_random.Next(2) == 0)
        {
            product["purl"] = $"pkg:npm/vendor-{(n + i) % 3}/product-{n}-{i}";
        }
        else
        {
            product["cpe"] = $"cpe:2.3:a:vendor_{(n + i) % 3}:product_{n}_{i}:*:*:*:*:*:*:*:*";
        }
        return product;
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

    private static string[] Vectors(string file) =>
        [.. File.ReadLines(RepositoryPaths.File("..", "shared", "data", "cvss", file)).Skip(1).Select(l => l.Split(',')[0]).Where(v => v.Length > 0)];
}
