using System.Text.Json.Nodes;

namespace Vigil.Server.Features.Demo;

/// <summary>The demo's data files (Data/, embedded in the server; SOURCES.md there names where each came from).</summary>
public static class DemoData
{
    public static byte[] Bytes(string name)
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("Vigil.Demo." + name)
            ?? throw new InvalidOperationException($"The demo's data file {name} is not embedded in the server.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static JsonNode Json(string name) => JsonNode.Parse(Bytes(name))!;

    /// <summary>The CVE record's facts, the CERT's note as reported, and the dates the demo uses.</summary>
    public static JsonNode Cve20193568 => Json("cve-2019-3568.facts.json");

    /// <summary>The public Pegasus indicators: a STIX 2.1 bundle by Amnesty International's Security Lab.</summary>
    public static byte[] PegasusBundle => Bytes("pegasus.stix2");
}
