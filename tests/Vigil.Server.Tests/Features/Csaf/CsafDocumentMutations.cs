using System.Text.Json.Nodes;

namespace Vigil.Server.Tests.Features.Csaf;

/// <summary>Small random changes to a CSAF document that may break mandatory tests: versions, statuses, revision
/// histories, categories, languages, scores, product statuses, notes, CVE ids and publishers.</summary>
public static class CsafDocumentMutations
{
    private static readonly string[] Versions = ["1", "2", "0", "3", "1.0.0", "2.0.0", "1.1.0", "1.0.0-rc.1", "0.9.0", "2.0.0+b1"];
    private static readonly string[] Dates = ["2020-01-01T00:00:00.000Z", "2030-01-01T00:00:00.000Z"];
    private static readonly string[] Categories =
        ["csaf_base", "csaf_vex", "csaf_security_advisory", "csaf_informational_advisory", "csaf_security_incident_response", "Security-Advisory", "vendor_note"];
    private static readonly string[] Languages = ["en", "de-DE", "EZ", "zz", "x-klingon", "i-default", "en-US", "tlh"];
    private static readonly string[] StatusLists = ["known_affected", "fixed", "known_not_affected", "under_investigation", "recommended", "last_affected"];

    private static readonly Action<JsonNode, Random>[] All =
    [
        (d, r) => Tracking(d)["version"] = Pick(r, Versions),
        (d, r) => Tracking(d)["status"] = Pick(r, ["draft", "final", "interim"]),
        (d, r) => Pick(r, History(d))["number"] = Pick(r, Versions),
        (d, r) => Pick(r, History(d))["date"] = Pick(r, Dates),
        (d, r) => d["document"]!["category"] = Pick(r, Categories),
        (d, r) => d["document"]!["lang"] = Pick(r, Languages),
        (d, r) => d["document"]!["source_lang"] = Pick(r, ["en", "de", "en-US"]),
        (d, r) => d["document"]!["publisher"]!["category"] = Pick(r, ["translator", "vendor", "other"]),
        (d, r) =>
        {
            foreach (var cvss in Vulnerabilities(d).SelectMany(v => v!["scores"]?.AsArray() ?? []).Select(s => s!["cvss_v3"] ?? s!["cvss_v2"]).OfType<JsonNode>())
            {
                if (r.Next(2) == 0) { cvss["baseScore"] = Pick(r, [0.0, 5.0, 7.5, 9.8, 10.0]); }
            }
        },
        (d, r) =>
        {
            foreach (var status in Vulnerabilities(d).Select(v => v!["product_status"]).OfType<JsonObject>())
            {
                var from = status.Select(p => p.Value!.AsArray()).First();
                var to = Pick(r, StatusLists);
                status[to] ??= new JsonArray();
                var id = from[0]!.GetValue<string>();
                if (!status[to]!.AsArray().Any(x => x?.GetValue<string>() == id)) { status[to]!.AsArray().Add(id); }
            }
        },
        (d, r) =>
        {
            foreach (var vulnerability in Vulnerabilities(d).OfType<JsonObject>().Where(_ => r.Next(2) == 0)) { vulnerability.Remove("notes"); }
        },
        (d, _) =>
        {
            var vulnerabilities = Vulnerabilities(d).ToList();
            if (vulnerabilities.Count > 1 && vulnerabilities[0]!["cve"] is { } cve) { vulnerabilities[1]!["cve"] = cve.DeepClone(); }
        },
    ];

    /// <summary>A copy of the document with one to three random changes.</summary>
    public static JsonNode Mutate(JsonNode document, Random random)
    {
        var copy = document.DeepClone();
        foreach (var mutation in All.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
        {
            mutation(copy, random);
        }
        return copy;
    }

    private static JsonNode Tracking(JsonNode d) => d["document"]!["tracking"]!;

    private static JsonNode[] History(JsonNode d) => [.. Tracking(d)["revision_history"]!.AsArray().OfType<JsonNode>()];

    private static IEnumerable<JsonNode?> Vulnerabilities(JsonNode d) => d["vulnerabilities"]?.AsArray() ?? [];

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
