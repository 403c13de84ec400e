using System.Text.Json.Nodes;
using Vigil.Data.Entities;
using Vigil.Domain.Exports;
using Vigil.Domain.Notes;
using Vigil.Domain.Versions;

namespace Vigil.Server.Features.NoteExports;

/// <summary>
/// A published note as an OSV record (schema 1.4): its id, CVE aliases, text, CVSS v3.1 vector, and each product's
/// affected ranges as introduced/fixed/last_affected events. The note's own <c>vers</c> ranges, fixed versions and
/// CPE travel in <c>database_specific</c>, so nothing the events cannot say is lost.
/// </summary>
public static class OsvDocument
{
    public const string SchemaVersion = "1.4.0";

    public static JsonObject From(Note note, NoteContent content, string link)
    {
        var osv = new JsonObject
        {
            ["schema_version"] = SchemaVersion,
            ["id"] = note.Id,
            ["modified"] = ExportTimes.Format(note.UpdatedAt),
            ["published"] = ExportTimes.Format(note.PublishedAt!.Value),
        };
        if (note.Status == NoteWorkflow.Withdrawn)
        {
            osv["withdrawn"] = ExportTimes.Format(note.UpdatedAt);
        }
        osv["aliases"] = new JsonArray([.. content.CveIds.Select(id => JsonValue.Create(id))]);
        osv["summary"] = content.Title;
        osv["details"] = Details(content);
        osv["severity"] = new JsonArray([.. content.Cvss.Where(c => c.Version == "3.1")
            .Select(c => new JsonObject { ["type"] = "CVSS_V3", ["score"] = c.Vector })]);
        osv["affected"] = new JsonArray([.. content.Products.Select(Affected)]);
        osv["references"] = new JsonArray([
            new JsonObject { ["type"] = "ADVISORY", ["url"] = link },
            .. content.References.Select(r => new JsonObject { ["type"] = "WEB", ["url"] = r.Url }),
        ]);
        osv["credits"] = new JsonArray([.. content.Acknowledgments.SelectMany(a => a.Names.Count > 0 ? a.Names : [a.Organization!])
            .Select(name => new JsonObject { ["name"] = name })]);
        return osv;
    }

    private static string Details(NoteContent content) =>
        string.Join("\n\n", new[]
        {
            content.Description,
            content.Impact is null ? null : "## Impact\n\n" + content.Impact,
            "## Countermeasures\n\n" + content.Countermeasures,
            content.Workarounds is null ? null : "## Workarounds\n\n" + content.Workarounds,
        }.OfType<string>());

    private static JsonObject Affected(AffectedProduct product)
    {
        var (ecosystem, name, purl) = OsvEcosystems.Package(product);
        var package = new JsonObject { ["ecosystem"] = ecosystem, ["name"] = name };
        if (purl is not null)
        {
            package["purl"] = purl;
        }
        var ranges = product.Affected.Select(VersionRange.Parse).ToList();
        var intervals = ranges.SelectMany(VersionInterval.Of).ToList();
        var specific = new JsonObject
        {
            ["vendor"] = product.Vendor,
            ["product"] = product.Product,
            ["vers"] = new JsonArray([.. product.Affected.Select(r => JsonValue.Create(r))]),
            ["fixed"] = new JsonArray([.. product.Fixed.Select(v => JsonValue.Create(v))]),
        };
        if (product.Cpe is not null)
        {
            specific["cpe"] = product.Cpe;
        }
        var affected = new JsonObject { ["package"] = package };
        if (OsvRanges(ranges[0].Type, intervals) is { Count: > 0 } osvRanges)
        {
            affected["ranges"] = osvRanges;
        }
        var exact = intervals.Where(i => i.Exact is not null).Select(i => JsonValue.Create(i.Exact)).ToArray();
        if (exact.Length > 0)
        {
            affected["versions"] = new JsonArray(exact);
        }
        affected["database_specific"] = specific;
        return affected;
    }

    /// <summary>OSV forbids fixed and last_affected events in one range, so each kind of upper bound gets a range of its own.</summary>
    private static JsonArray OsvRanges(string versType, List<VersionInterval> intervals)
    {
        var type = versType is "semver" ? "SEMVER" : "ECOSYSTEM";
        var ranges = new JsonArray();
        foreach (var group in intervals.Where(i => i.Exact is null).GroupBy(i => i.LastAffected is not null))
        {
            var events = new JsonArray();
            foreach (var interval in group)
            {
                events.Add(new JsonObject { ["introduced"] = interval.Introduced ?? "0" });
                if (interval.Fixed is not null)
                {
                    events.Add(new JsonObject { ["fixed"] = interval.Fixed });
                }
                if (interval.LastAffected is not null)
                {
                    events.Add(new JsonObject { ["last_affected"] = interval.LastAffected });
                }
            }
            ranges.Add(new JsonObject { ["type"] = type, ["events"] = events });
        }
        return ranges;
    }
}
