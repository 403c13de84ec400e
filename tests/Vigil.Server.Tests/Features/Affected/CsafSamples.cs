using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Exposure;
using Vigil.Domain.Versions;
using Vigil.Server.Features.Affected;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Affected;

/// <summary>
/// The official CSAF 2.0 examples (../shared/data/csaf/2.0/examples) and the project's CVE-2019-3568 advisory
/// (../shared/data/examples), some changed in one place to show a case the examples lack, and components to match.
/// </summary>
public static class CsafSamples
{
    public static JsonObject Official(string name) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(RepositoryPaths.File("..", "shared", "data", "csaf", "2.0", "examples", "csaf", name)))!;

    public static JsonObject WhatsApp2019() =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(RepositoryPaths.File("..", "shared", "data", "examples", "excert-2019-0080.json")))!;

    /// <summary>
    /// The 2019 advisory naming the Android app through relationships: "WhatsApp for Android &lt; 2.19.134 installed on
    /// Android" is known affected and "WhatsApp for Android 2.19.134 installed on Android" fixed; the app's own product ids
    /// are used nowhere else.
    /// </summary>
    public static JsonObject WhatsApp2019InstalledOnAndroid()
    {
        var advisory = WhatsApp2019();
        advisory["document"]!["tracking"]!["id"] = "EXCERT-2019-0080-REL";
        advisory["product_tree"]!["full_product_names"] = new JsonArray(new JsonObject { ["name"] = "Google Android", ["product_id"] = "ANDROID" });
        advisory["product_tree"]!["relationships"] = new JsonArray(
            Relationship("WA-android-vuln", "WA-android-vuln-on-android", "WhatsApp for Android < 2.19.134 installed on Google Android"),
            Relationship("WA-android-fixed", "WA-android-fixed-on-android", "WhatsApp for Android 2.19.134 installed on Google Android"));
        var text = advisory["vulnerabilities"]!.ToJsonString()
            .Replace("\"WA-android-vuln\"", "\"WA-android-vuln-on-android\"", StringComparison.Ordinal)
            .Replace("\"WA-android-fixed\"", "\"WA-android-fixed-on-android\"", StringComparison.Ordinal);
        advisory["vulnerabilities"] = JsonNode.Parse(text);
        return advisory;
    }

    /// <summary>
    /// A revision of the 2019 advisory under its own tracking id: its revision history ends at the last item given, which
    /// is its version and current release date. When <paramref name="androidAffected"/> is false, "WhatsApp for Android
    /// &lt; 2.19.134" is listed as fixed rather than known affected (and leaves the remediation and the score).
    /// </summary>
    public static JsonObject WhatsApp2019Revision(string trackingId, string tlp, bool androidAffected, params (string Number, string Date)[] history)
    {
        var advisory = WhatsApp2019();
        var tracking = advisory["document"]!["tracking"]!;
        tracking["id"] = trackingId;
        tracking["version"] = history[^1].Number;
        tracking["current_release_date"] = history[^1].Date;
        tracking["revision_history"] = new JsonArray([.. history.Select(h => new JsonObject { ["date"] = h.Date, ["number"] = h.Number, ["summary"] = $"Revision {h.Number}." })]);
        advisory["document"]!["distribution"]!["tlp"]!["label"] = tlp;
        if (!androidAffected)
        {
            var vulnerability = advisory["vulnerabilities"]![0]!;
            foreach (var list in new[] { vulnerability["product_status"]!["known_affected"]!, vulnerability["remediations"]![0]!["product_ids"]!, vulnerability["scores"]![0]!["products"]! })
            {
                list.AsArray().Remove(list.AsArray().Single(id => id!.GetValue<string>() == "WA-android-vuln"));
            }
            vulnerability["product_status"]!["fixed"]!.AsArray().Add("WA-android-vuln");
        }
        return advisory;
    }

    private static JsonObject Relationship(string reference, string id, string name) => new()
    {
        ["category"] = "installed_on",
        ["full_product_name"] = new JsonObject { ["name"] = name, ["product_id"] = id },
        ["product_reference"] = reference,
        ["relates_to_product_reference"] = "ANDROID",
    };

    public static List<ExposureMatch> Match(JsonObject advisory, params InventoryComponent[] components)
    {
        var entries = CsafProductEntries.Read("ADV", JsonSerializer.SerializeToElement(advisory));
        return [.. new ExposureIndex(entries).Match(components)];
    }

    public static InventoryComponent Component(string name, string? version, string? vendor = null, string? purl = null, string? cpe = null) =>
        new("/products/0", name, vendor, version, purl is null ? null : PackageUrl.Parse(purl), cpe is null ? null : CpeName.TryParse(cpe, out var c) ? c : throw new FormatException(cpe));
}
