using System.Text.Json;
using Vigil.Domain.Cvss;
using Vigil.Domain.Sharing;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Notes;

/// <summary>
/// Reads a vulnerability note's body strictly, naming every bad field by JSON pointer: unknown fields, missing
/// required ones, CVE and CWE ids, CVSS vectors (the metric that is wrong), purls, CPEs and <c>vers</c> ranges.
/// </summary>
public static class NoteReader
{
    public const int MaxTextLength = 20_000;
    public static readonly IReadOnlyList<string> Severities = ["low", "medium", "high", "critical"];

    private static readonly string[] Required = ["title", "summary", "severity", "tlp", "products", "description", "countermeasures"];

    public static (NoteContent? Content, IReadOnlyList<FieldError> Errors) Read(JsonElement body)
    {
        var reader = new JsonFieldReader(DateTimeOffset.MaxValue);
        var fields = new NoteFieldValues();
        reader.Object(body, "", new Dictionary<string, Action<JsonElement, string>>
        {
            ["title"] = (v, p) => fields.Title = reader.String(v, p, 300),
            ["summary"] = (v, p) => fields.Summary = reader.String(v, p, 2_000, multiline: true),
            ["severity"] = (v, p) => fields.Severity = reader.OneOf(v, p, Severities, "severity"),
            ["tlp"] = (v, p) => fields.Tlp = reader.OneOf(v, p, TlpLabel.All, "TLP label"),
            ["cve_ids"] = (v, p) => fields.CveIds = NoteIdentifiers.CveIds(reader, v, p),
            ["cwe_ids"] = (v, p) => fields.Cwes = NoteIdentifiers.Cwes(reader, v, p),
            ["cvss"] = (v, p) => fields.Cvss = ReadCvss(reader, v, p),
            ["products"] = (v, p) => fields.Products = NoteProductReader.Read(reader, v, p),
            ["description"] = (v, p) => fields.Description = reader.String(v, p, MaxTextLength, multiline: true),
            ["impact"] = (v, p) => fields.Impact = reader.String(v, p, MaxTextLength, multiline: true),
            ["countermeasures"] = (v, p) => fields.Countermeasures = reader.String(v, p, MaxTextLength, multiline: true),
            ["workarounds"] = (v, p) => fields.Workarounds = reader.String(v, p, MaxTextLength, multiline: true),
            ["references"] = (v, p) => fields.References = NoteIdentifiers.References(reader, v, p),
            ["acknowledgments"] = (v, p) => fields.Acknowledgments = NoteIdentifiers.Acknowledgments(reader, v, p),
            ["incident_ids"] = (v, p) => fields.IncidentIds = NoteIdentifiers.Ids(reader, v, p),
            ["indicator_collection_ids"] = (v, p) => fields.CollectionIds = NoteIdentifiers.Ids(reader, v, p),
        }, Required);
        if (reader.Errors.Count > 0)
        {
            return (null, reader.Errors);
        }
        return (new NoteContent(fields.Title!, fields.Summary!, fields.Severity!, fields.Tlp!, fields.CveIds, fields.Cwes, fields.Cvss,
            fields.Products, fields.Description!, fields.Impact, fields.Countermeasures!, fields.Workarounds, fields.References,
            fields.Acknowledgments, fields.IncidentIds, fields.CollectionIds), []);
    }

    /// <summary>Reads content already stored (and so already checked).</summary>
    public static NoteContent ReadStored(string contentJson)
    {
        using var document = JsonDocument.Parse(contentJson);
        var (content, errors) = Read(document.RootElement);
        return content ?? throw new InvalidOperationException($"Stored note content is invalid: {errors[0].Pointer} {errors[0].Detail}");
    }

    /// <summary>Each vector scored by Vigil; at most one per CVSS version, as CSAF allows one score per version and product.</summary>
    private static List<CvssEvaluation> ReadCvss(JsonFieldReader reader, JsonElement value, string pointer)
    {
        var scores = new List<CvssEvaluation>();
        reader.Array(value, pointer, 2, (item, itemPointer) =>
        {
            var vector = reader.String(item, itemPointer, 300);
            if (vector is null)
            {
                return;
            }
            var evaluated = CvssCalculator.Evaluate(vector);
            if (!evaluated.IsSuccess)
            {
                reader.Fail(itemPointer, $"metric {evaluated.Error!.Metric}: {evaluated.Error.Message}");
            }
            else if (scores.Any(s => s.Version == evaluated.Value!.Version))
            {
                reader.Fail(itemPointer, $"a note carries at most one CVSS v{evaluated.Value!.Version} vector");
            }
            else
            {
                scores.Add(evaluated.Value!);
            }
        });
        return scores;
    }

    private sealed class NoteFieldValues
    {
        public string? Title, Summary, Severity, Tlp, Description, Impact, Countermeasures, Workarounds;
        public IReadOnlyList<string> CveIds = [], IncidentIds = [], CollectionIds = [];
        public IReadOnlyList<CweWeakness> Cwes = [];
        public IReadOnlyList<CvssEvaluation> Cvss = [];
        public IReadOnlyList<AffectedProduct> Products = [];
        public IReadOnlyList<NoteReference> References = [];
        public IReadOnlyList<NoteAcknowledgment> Acknowledgments = [];
    }
}
