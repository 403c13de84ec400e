using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Domain.Cvss;
using Vigil.Domain.Notes;

namespace Vigil.Csaf.Writing;

/// <summary>
/// The note's vulnerabilities: one per CVE id (or one without, when the note names none), each with the note's
/// weakness, description, product status, remediations and scores. CSAF 2.0 scores CVSS v2 and v3 only, so a v4.0
/// vector and Vigil's score for it are written into a note of the vulnerability.
/// </summary>
public static class CsafVulnerabilities
{
    /// <summary>The document's <c>vulnerabilities</c>: one per CVE id (or one without), with scores, weaknesses, product status and remediations.</summary>
    public static JsonArray Build(NoteContent content, CsafProductTree products)
    {
        var vulnerabilities = new JsonArray();
        foreach (var cve in content.CveIds.DefaultIfEmpty(null))
        {
            var vulnerability = new JsonObject();
            if (cve is not null)
            {
                vulnerability["cve"] = cve;
            }
            if (content.Cwes.Count > 0)
            {
                vulnerability["cwe"] = new JsonObject { ["id"] = content.Cwes[0].Id, ["name"] = content.Cwes[0].Name };
            }
            vulnerability["notes"] = Notes(content);
            var status = new JsonObject { ["known_affected"] = Ids(products.Affected) };
            if (products.Fixed.Count > 0)
            {
                status["fixed"] = Ids(products.Fixed);
            }
            vulnerability["product_status"] = status;
            vulnerability["remediations"] = Remediations(content, products);
            if (content.Cvss.FirstOrDefault(c => c.Version == "3.1") is { } v31)
            {
                vulnerability["scores"] = new JsonArray(new JsonObject { ["cvss_v3"] = CvssV3(v31), ["products"] = Ids(products.Affected) });
            }
            vulnerabilities.Add(vulnerability);
        }
        return vulnerabilities;
    }

    private static JsonArray Notes(NoteContent content)
    {
        var notes = new JsonArray(Note("description", "Description", content.Description));
        if (content.Impact is not null)
        {
            notes.Add(Note("general", "Impact", content.Impact));
        }
        if (content.Cwes.Count > 1)
        {
            notes.Add(Note("other", "Further weaknesses", string.Join("; ", content.Cwes.Skip(1).Select(w => $"{w.Id} {w.Name}"))));
        }
        if (content.Cvss.FirstOrDefault(c => c.Version == "4.0") is { } v40)
        {
            notes.Add(Note("other", "CVSS v4.0",
                string.Create(CultureInfo.InvariantCulture, $"{v40.Vector} scores {v40.Score:0.0} ({v40.Severity.ToCsafName()}, {v40.Nomenclature}), as computed by the publisher.")));
        }
        return notes;
    }

    private static JsonArray Remediations(NoteContent content, CsafProductTree products)
    {
        var remediations = new JsonArray(new JsonObject
        {
            ["category"] = "vendor_fix",
            ["details"] = content.Countermeasures,
            ["product_ids"] = Ids(products.Affected),
        });
        if (content.Workarounds is not null)
        {
            remediations.Add(new JsonObject { ["category"] = "workaround", ["details"] = content.Workarounds, ["product_ids"] = Ids(products.Affected) });
        }
        return remediations;
    }

    private static JsonObject CvssV3(CvssEvaluation v31) => new()
    {
        ["version"] = "3.1",
        ["vectorString"] = v31.Vector,
        ["baseScore"] = v31.Score,
        ["baseSeverity"] = v31.Severity.ToCsafName(),
        ["temporalScore"] = v31.TemporalScore,
        ["temporalSeverity"] = CvssSeverityScale.Rate(v31.TemporalScore!.Value).ToCsafName(),
        ["environmentalScore"] = v31.EnvironmentalScore,
        ["environmentalSeverity"] = CvssSeverityScale.Rate(v31.EnvironmentalScore!.Value).ToCsafName(),
    };

    /// <summary>A CSAF note.</summary>
    public static JsonObject Note(string category, string title, string text) => new() { ["category"] = category, ["text"] = text, ["title"] = title };

    private static JsonArray Ids(IEnumerable<string> ids) => [.. ids.Select(id => (JsonNode)id)];
}
