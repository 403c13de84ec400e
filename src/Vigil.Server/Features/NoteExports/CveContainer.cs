using System.Text.Json.Nodes;
using Vigil.Data.Entities;
using Vigil.Domain.Cvss;
using Vigil.Domain.Notes;

namespace Vigil.Server.Features.NoteExports;

/// <summary>
/// A published note as the CNA container of a CVE record (CVE JSON 5): the body a CNA sends to CVE Services for that
/// CVE id. Texts the format limits to 4,096 characters are shortened with an ellipsis; the note's own page, listed
/// first among the references, has them whole.
/// </summary>
public static class CveContainer
{
    private const int MaxText = 4_096;

    public static JsonObject From(Note note, NoteContent content, NoteExportsOptions cna, string link)
    {
        var provider = new JsonObject { ["orgId"] = cna.CnaOrgId };
        if (cna.CnaShortName is not null)
        {
            provider["shortName"] = cna.CnaShortName;
        }
        provider["dateUpdated"] = ExportTimes.Format(note.UpdatedAt);
        var container = new JsonObject
        {
            ["providerMetadata"] = provider,
            ["datePublic"] = ExportTimes.Format(note.PublishedAt!.Value),
            ["title"] = Clip(content.Title, 256),
            ["descriptions"] = English(content.Description),
            ["affected"] = CveAffected.From(content.Products),
        };
        if (content.Cwes.Count > 0)
        {
            container["problemTypes"] = new JsonArray(new JsonObject
            {
                ["descriptions"] = new JsonArray([.. content.Cwes.Select(cwe => new JsonObject
                {
                    ["lang"] = "en", ["cweId"] = cwe.Id, ["description"] = $"{cwe.Id} {cwe.Name}", ["type"] = "CWE",
                })]),
            });
        }
        if (content.Impact is not null)
        {
            container["impacts"] = new JsonArray(new JsonObject { ["descriptions"] = English(content.Impact) });
        }
        // A v4.0 score counts as the base score only when the vector has base metrics alone (CVSS-B).
        var metrics = content.Cvss.Where(c => c.Version == "3.1" || c.Nomenclature == "CVSS-B").ToList();
        if (metrics.Count > 0)
        {
            container["metrics"] = new JsonArray([.. metrics.Select(Metric)]);
        }
        container["solutions"] = English(content.Countermeasures);
        if (content.Workarounds is not null)
        {
            container["workarounds"] = English(content.Workarounds);
        }
        container["references"] = new JsonArray([
            new JsonObject { ["url"] = link, ["name"] = $"{note.Id}: {Clip(content.Title, 480)}" },
            .. content.References.Select(r => new JsonObject { ["url"] = r.Url, ["name"] = Clip(r.Summary, 512) }),
        ]);
        var credits = content.Acknowledgments.SelectMany(a => a.Names.Count > 0 ? a.Names : [a.Organization!]).Distinct(StringComparer.Ordinal).ToList();
        if (credits.Count > 0)
        {
            container["credits"] = new JsonArray([.. credits.Select(name => new JsonObject { ["lang"] = "en", ["value"] = name, ["type"] = "finder" })]);
        }
        container["x_generator"] = new JsonObject { ["engine"] = "Vigil" };
        return container;
    }

    private static JsonObject Metric(CvssEvaluation cvss) => new()
    {
        [cvss.Version == "4.0" ? "cvssV4_0" : "cvssV3_1"] = new JsonObject
        {
            ["version"] = cvss.Version,
            ["vectorString"] = cvss.Vector,
            ["baseScore"] = cvss.Score,
            ["baseSeverity"] = cvss.Severity.ToCsafName(),
        },
    };

    private static JsonArray English(string text) => new(new JsonObject { ["lang"] = "en", ["value"] = Clip(text, MaxText) });

    private static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
