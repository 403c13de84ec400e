using System.Text.Json.Nodes;

namespace Vigil.Bench.Pages.Seed;

/// <summary>
/// Indicator collections from the real Pegasus bundle (Amnesty International Security Lab, CC-BY): the whole set, and
/// the parts its own lists name (infrastructure by version, process names, e-mail addresses), each a STIX bundle of
/// the original objects.
/// </summary>
public sealed class IndicatorSets(string sharedData)
{
    public sealed record Set(string Name, string Tlp, string Description, string Bundle);

    private readonly string _folder = Path.Combine(sharedData, "ioc", "pegasus");

    public IReadOnlyList<string> Domains() => File.ReadAllLines(Path.Combine(_folder, "domains.txt")).Where(l => l.Length > 0).ToList();

    public IEnumerable<Set> Sets()
    {
        var whole = File.ReadAllText(Path.Combine(_folder, "pegasus.stix2"));
        yield return new("Pegasus (NSO Group): every published indicator", "CLEAR",
            "Domains, process names, e-mail addresses and a file name of the Pegasus spyware, as published by Amnesty International's Security Lab.", whole);
        foreach (var (file, name, tlp) in new[]
        {
            ("v2_domains.txt", "Pegasus infrastructure, version 2", "CLEAR"),
            ("v3_domains.txt", "Pegasus infrastructure, version 3", "CLEAR"),
            ("v4_domains.txt", "Pegasus infrastructure, version 4", "CLEAR"),
            ("v4_validation_domains.txt", "Pegasus version 4 validation domains", "GREEN"),
            ("processes.txt", "Pegasus process names seen on iOS", "CLEAR"),
            ("emails.txt", "Pegasus iCloud accounts used in exploitation", "AMBER"),
        })
        {
            var values = File.ReadAllLines(Path.Combine(_folder, file)).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
            yield return new(name, tlp, $"The part of the Pegasus indicators listed in {file}.", Subset(whole, values));
        }
    }

    /// <summary>The malware object, the indicators whose pattern names one of <paramref name="values"/>, and their relationships.</summary>
    private static string Subset(string bundleJson, HashSet<string> values)
    {
        var bundle = JsonNode.Parse(bundleJson)!.AsObject();
        var objects = bundle["objects"]!.AsArray();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            if (o!["type"]!.GetValue<string>() == "indicator")
            {
                var pattern = o["pattern"]!.GetValue<string>();
                var value = pattern[(pattern.IndexOf('\'', StringComparison.Ordinal) + 1)..pattern.LastIndexOf('\'')];
                if (values.Contains(value)) { kept.Add(o["id"]!.GetValue<string>()); }
            }
        }
        var subset = new JsonArray();
        foreach (var o in objects)
        {
            var keep = o!["type"]!.GetValue<string>() switch
            {
                "indicator" => kept.Contains(o["id"]!.GetValue<string>()),
                "relationship" => kept.Contains(o["source_ref"]!.GetValue<string>()),
                _ => true,
            };
            if (keep) { subset.Add(o.DeepClone()); }
        }
        bundle["id"] = $"bundle--{Guid.NewGuid()}";
        bundle["objects"] = subset;
        return bundle.ToJsonString();
    }
}
