using System.Text.Json.Nodes;
using Vigil.Server.Tests.Features.Notes;

namespace Vigil.Server.Tests.Features.NoteExports;

/// <summary>A note that uses every field an export maps: both CVSS versions, several range shapes, credits, workarounds.</summary>
public static class ExportSamples
{
    public static JsonObject Rich(string cveId = "CVE-2026-10001")
    {
        var note = NoteSamples.Minimal("Example router firmware command injection, fully described");
        note["cve_ids"] = new JsonArray(cveId);
        note["cwe_ids"] = new JsonArray("CWE-78");
        note["cvss"] = new JsonArray("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
        note["products"]!.AsArray().Add(new JsonObject
        {
            ["vendor"] = "Example", ["product"] = "pad", ["platform"] = "Node.js", ["purl"] = "pkg:npm/example-pad",
            ["cpe"] = "cpe:2.3:a:example:pad:*:*:*:*:*:node.js:*:*",
            ["affected"] = new JsonArray("vers:npm/<=2.0.1|>=3.0.0|<3.1.0"), ["fixed"] = new JsonArray("3.1.0"),
        });
        note["products"]!.AsArray().Add(new JsonObject
        {
            ["vendor"] = "Example", ["product"] = "Controller",
            ["affected"] = new JsonArray("vers:intdot/4.2|>5|<7"), ["fixed"] = new JsonArray("7"),
        });
        note["impact"] = "A remote attacker runs commands as root.";
        note["workarounds"] = "Disable the diagnostics page.";
        note["references"] = new JsonArray(new JsonObject { ["url"] = "https://example.com/advisory", ["summary"] = "Vendor advisory" });
        note["acknowledgments"] = new JsonArray(
            new JsonObject { ["names"] = new JsonArray("A. Researcher") },
            new JsonObject { ["organization"] = "Example CSIRT" });
        return note;
    }
}
