using System.Text.Json.Nodes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notes;

/// <summary>Note bodies for the tests: the 2019 note built from the CVE record's facts, and a small valid one to vary.</summary>
public static class NoteSamples
{
    /// <summary>The CERT's note on CVE-2019-3568, from ../shared/data/examples/cve-2019-3568.facts.json.</summary>
    public static JsonObject Cve20193568(string tlp = "CLEAR")
    {
        var facts = JsonNode.Parse(File.ReadAllText(RepositoryPaths.File("..", "shared", "data", "examples", "cve-2019-3568.facts.json")))!;
        var products = new JsonArray();
        foreach (var affected in facts["affected"]!.AsArray())
        {
            products.Add(new JsonObject
            {
                ["vendor"] = "WhatsApp",
                ["product"] = affected!["product"]!.GetValue<string>(),
                ["cpe"] = affected["nvd_cpe"]!.GetValue<string>(),
                ["affected"] = new JsonArray(affected["vers"]!.GetValue<string>()),
                ["fixed"] = new JsonArray(affected["fixed_in"]!.GetValue<string>()),
            });
        }
        return new JsonObject
        {
            ["title"] = "WhatsApp VoIP stack buffer overflow (CVE-2019-3568)",
            ["summary"] = "A buffer overflow in the **VoIP stack** lets a remote attacker run code through a decoy voice call.",
            ["severity"] = "high",
            ["tlp"] = tlp,
            ["cve_ids"] = new JsonArray(facts["cve_id"]!.GetValue<string>()),
            ["cwe_ids"] = new JsonArray("CWE-122"),
            ["cvss"] = new JsonArray(facts["cvss"]!["v3_1"]!["vectorString"]!.GetValue<string>()),
            ["products"] = products,
            ["description"] = facts["description_cna"]!.GetValue<string>(),
            ["impact"] = "An attacker could access information on the system such as logs, messages and photos, and compromise it further.",
            ["countermeasures"] = "Upgrade WhatsApp to the latest version from the official app store.",
            ["references"] = new JsonArray(
                new JsonObject { ["url"] = "https://www.facebook.com/security/advisories/cve-2019-3568", ["summary"] = "Vendor advisory" },
                new JsonObject { ["url"] = "https://nvd.nist.gov/vuln/detail/CVE-2019-3568", ["summary"] = "NVD entry" }),
        };
    }

    /// <summary>A valid note, small enough to vary field by field.</summary>
    public static JsonObject Minimal(string title = "Example router firmware command injection", string tlp = "CLEAR") => new()
    {
        ["title"] = title,
        ["summary"] = "Command injection in the web interface.",
        ["severity"] = "medium",
        ["tlp"] = tlp,
        ["products"] = new JsonArray(new JsonObject
        {
            ["vendor"] = "Example Networks",
            ["product"] = "Example Router",
            ["purl"] = "pkg:generic/example-networks/router-firmware",
            ["affected"] = new JsonArray("vers:semver/>=1.0.0|<1.4.2"),
            ["fixed"] = new JsonArray("1.4.2"),
        }),
        ["description"] = "The diagnostics page passes the host name to a shell.",
        ["countermeasures"] = "Update the firmware to 1.4.2.",
    };
}
