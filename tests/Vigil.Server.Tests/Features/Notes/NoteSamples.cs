using System.Text.Json.Nodes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notes;

/// <summary>Note bodies for the tests: the 2019 note built from the CVE record's facts, and a small valid one to vary.</summary>
public static class NoteSamples
{
    /// <summary>
    /// The CERT's note on CVE-2019-3568 as the demo loads it (from cve-2019-3568.facts.json), with the shorter
    /// countermeasure the tests compare against.
    /// </summary>
    public static JsonObject Cve20193568(string tlp = "CLEAR")
    {
        var note = Vigil.Server.Features.Demo.DemoNotes.Cve20193568();
        note["tlp"] = tlp;
        note["countermeasures"] = "Upgrade WhatsApp to the latest version from the official app store.";
        return note;
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
