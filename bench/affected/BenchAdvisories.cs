using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Data.Entities;
using Vigil.Domain.Exposure;
using Vigil.Domain.Versions;

namespace Vigil.Bench.Affected;

/// <summary>
/// Generated CSAF 2.0 advisories shaped like vendors' real ones: a vendor branch with three products (a library by
/// purl in three versions, a server by CPE over a version range, an appliance OS by name), a relationship placing the
/// server on the appliance for one advisory in four, two vulnerabilities with affected, fixed and not-affected lists,
/// and remediations. One advisory in ten has a second revision; one in ten is TLP:AMBER.
/// </summary>
internal static class BenchAdvisories
{
    public static IEnumerable<ImportedAdvisory> Rows(int n, DateTimeOffset importedAt)
    {
        yield return Row(n, 1, importedAt);
        if (n % 10 == 3)
        {
            yield return Row(n, 2, importedAt);
        }
    }

    private static ImportedAdvisory Row(int n, int revision, DateTimeOffset importedAt)
    {
        var document = Document(n, revision);
        var bytes = Encoding.UTF8.GetBytes(document.ToJsonString());
        var tracking = document["document"]!["tracking"]!;
        return new ImportedAdvisory
        {
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Content = bytes,
            TrackingId = tracking["id"]!.GetValue<string>(), Version = tracking["version"]!.GetValue<string>(),
            Title = document["document"]!["title"]!.GetValue<string>(), Category = "csaf_security_advisory",
            PublisherName = Vendor(n), PublisherNamespace = $"https://{Slug(n)}.example", PublisherCategory = "vendor",
            Tlp = n % 10 == 7 ? "AMBER" : "CLEAR", CurrentReleaseDate = tracking["current_release_date"]!.GetValue<string>(),
            ImportedBy = null, ImportedAt = importedAt,
        };
    }

    private static JsonObject Document(int n, int revision)
    {
        var vendor = Vendor(n);
        var slug = Slug(n);
        var date = $"2026-{n % 12 + 1:D2}-{n % 28 + 1:D2}T{revision + 8:D2}:00:00.000Z";
        var fixedLibrary = revision == 1 ? "1.3.0" : "1.2.0";
        JsonObject Product(string name, string id, JsonObject? helper = null)
        {
            var product = new JsonObject { ["name"] = name, ["product_id"] = id };
            if (helper is not null) { product["product_identification_helper"] = helper; }
            return product;
        }
        JsonObject Branch(string category, string name, params JsonNode[] children) =>
            new() { ["category"] = category, ["name"] = name, ["branches"] = new JsonArray(children) };
        JsonObject Leaf(string category, string name, JsonObject product) =>
            new() { ["category"] = category, ["name"] = name, ["product"] = product };

        var libraries = new[] { "1.1.0", "1.2.0", "1.3.0" }.Select(v => (JsonNode)Leaf("product_version", v,
            Product($"{vendor} library-{n} {v}", $"LIB-{v}", new JsonObject { ["purl"] = $"pkg:npm/{slug}/library-{n}@{v}" }))).ToArray();
        var tree = new JsonObject
        {
            ["branches"] = new JsonArray(Branch("vendor", vendor,
                Branch("product_name", $"library-{n}", libraries),
                Branch("product_name", $"Server {n}",
                    Leaf("product_version_range", "vers:semver/<3.0.0", Product($"{vendor} Server {n} < 3.0.0", "SRV-OLD",
                        new JsonObject { ["cpe"] = $"cpe:2.3:a:{slug}:server{n}:*:*:*:*:*:*:*:*" })),
                    Leaf("product_version", "3.0.0", Product($"{vendor} Server {n} 3.0.0", "SRV-3.0.0",
                        new JsonObject { ["cpe"] = $"cpe:2.3:a:{slug}:server{n}:3.0.0:*:*:*:*:*:*:*" }))),
                Branch("product_name", $"Appliance OS {n}",
                    Leaf("product_version", "19", Product($"{vendor} Appliance OS {n} 19", "OS-19")),
                    Leaf("product_version", "20", Product($"{vendor} Appliance OS {n} 20", "OS-20"))))),
        };
        var serverAffected = new JsonArray("SRV-OLD");
        if (n % 4 == 0)
        {
            tree["relationships"] = new JsonArray(new JsonObject
            {
                ["category"] = "default_component_of",
                ["full_product_name"] = new JsonObject { ["name"] = $"{vendor} Server {n} < 3.0.0 on Appliance OS {n} 19", ["product_id"] = "SRV-OLD-ON-OS-19" },
                ["product_reference"] = "SRV-OLD", ["relates_to_product_reference"] = "OS-19",
            });
            serverAffected.Add("SRV-OLD-ON-OS-19");
        }
        JsonArray Ids(params string[] ids) => new([.. ids.Select(id => (JsonNode)id)]);
        var libraryAffected = revision == 1 ? Ids("LIB-1.1.0", "LIB-1.2.0") : Ids("LIB-1.1.0");
        var libraryFixed = Ids($"LIB-{fixedLibrary}");
        return new JsonObject
        {
            ["document"] = new JsonObject
            {
                ["category"] = "csaf_security_advisory", ["csaf_version"] = "2.0", ["title"] = $"Vulnerabilities in {vendor} products ({n})",
                ["lang"] = "en",
                ["aggregate_severity"] = new JsonObject { ["text"] = n % 3 == 0 ? "Critical" : "Important" },
                ["distribution"] = new JsonObject { ["tlp"] = new JsonObject { ["label"] = n % 10 == 7 ? "AMBER" : "WHITE" } },
                ["publisher"] = new JsonObject { ["category"] = "vendor", ["name"] = vendor, ["namespace"] = $"https://{slug}.example" },
                ["tracking"] = new JsonObject
                {
                    ["id"] = $"{slug.ToUpperInvariant()}-SA-{n:D6}", ["version"] = $"{revision}.0.0", ["status"] = "final",
                    ["initial_release_date"] = date, ["current_release_date"] = date,
                    ["revision_history"] = new JsonArray([.. Enumerable.Range(1, revision).Select(r => (JsonNode)new JsonObject
                        { ["date"] = date, ["number"] = $"{r}.0.0", ["summary"] = $"Revision {r}." })]),
                    ["generator"] = new JsonObject { ["engine"] = new JsonObject { ["name"] = "bench", ["version"] = "1" } },
                },
            },
            ["product_tree"] = tree,
            ["vulnerabilities"] = new JsonArray(
                Vulnerability($"CVE-2026-{n % 90000 + 10000}", new JsonObject
                {
                    ["known_affected"] = libraryAffected, ["fixed"] = libraryFixed, ["known_not_affected"] = Ids("OS-19", "OS-20"),
                }, "LIB", $"Upgrade library-{n} to {fixedLibrary}."),
                Vulnerability($"CVE-2025-{n % 90000 + 10000}", new JsonObject
                {
                    ["known_affected"] = serverAffected, ["fixed"] = Ids("SRV-3.0.0"),
                }, "SRV", $"Upgrade Server {n} to 3.0.0.")),
        };
    }

    private static JsonObject Vulnerability(string cve, JsonObject status, string prefix, string remedy) => new()
    {
        ["cve"] = cve,
        ["notes"] = new JsonArray(new JsonObject { ["category"] = "description", ["text"] = $"A flaw in the {prefix} component allows remote code execution." }),
        ["product_status"] = status,
        ["remediations"] = new JsonArray(new JsonObject
        {
            ["category"] = "vendor_fix", ["details"] = remedy,
            ["product_ids"] = status["known_affected"]!.DeepClone(),
        }),
    };

    private static string Vendor(int n) => string.Create(CultureInfo.InvariantCulture, $"Vendor {n % 2000}");

    private static string Slug(int n) => string.Create(CultureInfo.InvariantCulture, $"vendor{n % 2000}");

    /// <summary>An SBOM component; one in ten is affected (a library before its fix, a server before 3.0.0, or the OS product by name).</summary>
    public static InventoryComponent Component(int i, int advisoryCount)
    {
        var n = (int)((long)i * 7919 % advisoryCount);
        var hit = i % 10 == 0;
        return (i % 3) switch
        {
            0 => new InventoryComponent($"/components/{i}", $"library-{n}", null, null,
                PackageUrl.Parse($"pkg:npm/{Slug(n)}/library-{n}@{(hit ? "1.1.0" : "9.0.0")}"), null),
            1 => new InventoryComponent($"/components/{i}", $"server{n}", null, null, null,
                CpeName.TryParse($"cpe:2.3:a:{Slug(n)}:server{n}:{(hit ? "2.1.0" : "3.1.0")}:*:*:*:*:*:*:*", out var cpe) ? cpe : null),
            _ => new InventoryComponent($"/components/{i}", $"library-{n}", Vendor(n), hit ? "1.2.0" : "2.0.0", null, null),
        };
    }
}
