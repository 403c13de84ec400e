using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace Vigil.Server.Features.NoteEditor;

/// <summary>
/// The note editor's form as posted, or as a stored note fills it: every value as typed, under the names its inputs
/// carry (<c>title</c>, <c>product[1].affected</c>, <c>cwe[0]</c>, <c>cvss31.AV</c>). It builds the API's note body
/// and remembers which row each item of the body came from, so that the reader's JSON pointers find their inputs.
/// </summary>
public sealed class NoteEditorForm
{
    public static readonly IReadOnlyList<string> ProductMembers = ["product", "vendor", "platform", "purl", "cpe", "affected", "fixed"];

    public static readonly IReadOnlyList<string> TextFields = ["title", "summary", "severity", "tlp", "description", "impact", "countermeasures", "workarounds"];

    /// <summary>Fields the page does not edit, kept from the stored note as they were.</summary>
    private static readonly string[] Kept = ["acknowledgments", "incident_ids", "indicator_collection_ids"];

    public const int MaxRows = 100;

    private readonly Dictionary<string, StringValues> _values;
    private readonly JsonObject? _stored;
    private readonly List<int> _productRows = [];
    private readonly List<int> _cweRows = [];
    private readonly List<string> _cvssFields = [];

    public NoteEditorForm(IEnumerable<KeyValuePair<string, StringValues>> values, JsonObject? stored)
    {
        _values = new Dictionary<string, StringValues>(values, StringComparer.Ordinal);
        _stored = stored;
        RemoveProductRow();
    }

    /// <summary>A fresh note: one empty product row, the default label.</summary>
    public static NoteEditorForm Fresh() => new([new("tlp", "CLEAR"), new("severity", "")], null);

    /// <summary>The form holding a stored note's content (its canonical JSON), to edit it.</summary>
    public static NoteEditorForm Of(string content)
    {
        var note = JsonNode.Parse(content)!.AsObject();
        var values = new List<KeyValuePair<string, StringValues>>();
        foreach (var field in TextFields)
        {
            if (note[field] is JsonValue value)
            {
                values.Add(new(field, value.GetValue<string>()));
            }
        }
        values.Add(new("cve_ids", string.Join(" ", Strings(note["cve_ids"]))));
        var cwes = Strings(note["cwe_ids"]).ToList();
        for (var i = 0; i < cwes.Count; i++)
        {
            values.Add(new(Row("cwe", i), cwes[i]));
        }
        values.Add(new("cwe_rows", Number(cwes.Count + 1)));
        foreach (var vector in Strings(note["cvss"]))
        {
            var field = CvssInput.FieldOf(vector);
            values.Add(new(field, vector));
            values.Add(new(field + ".shown", vector));
        }
        var products = note["products"]?.AsArray() ?? [];
        for (var i = 0; i < products.Count; i++)
        {
            var product = products[i]!.AsObject();
            foreach (var member in new[] { "product", "vendor", "platform", "purl", "cpe" })
            {
                if (product[member] is JsonValue value)
                {
                    values.Add(new(Member(i, member), value.GetValue<string>()));
                }
            }
            values.Add(new(Member(i, "affected"), string.Join("\n", Strings(product["affected"]))));
            values.Add(new(Member(i, "fixed"), string.Join(" ", Strings(product["fixed"]))));
        }
        values.Add(new("product_rows", Number(Math.Max(1, products.Count))));
        var references = note["references"]?.AsArray() ?? [];
        values.Add(new("references", string.Join("\n", references.Select(r => $"{r!["url"]} {r["summary"]}".Trim()))));
        return new NoteEditorForm(values, note);
    }

    /// <summary>The button pressed: save, score, add-product, remove-product:{row}, add-cwe, cwe-search.</summary>
    public string Action => Value("action");

    public string Value(string name) => _values.TryGetValue(name, out var value) ? value.FirstOrDefault() ?? "" : "";

    public void Set(string name, string value) => _values[name] = value;

    /// <summary>The product rows the form shows: as many as were on the page, one more when "add a row" was pressed, less one removed.</summary>
    public IReadOnlyList<int> ProductRows
    {
        get
        {
            var shown = Count("product_rows", 1);
            return [.. Enumerable.Range(0, Math.Min(MaxRows, shown + (Action == "add-product" ? 1 : 0)))];
        }
    }

    /// <summary>"Remove" on a product row: the rows after it move up one, so that the rows stay numbered from 0.</summary>
    private void RemoveProductRow()
    {
        var shown = Count("product_rows", 1);
        if (!Action.StartsWith("remove-product:", StringComparison.Ordinal) || shown < 2
            || !int.TryParse(Action["remove-product:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var removed) || removed >= shown)
        {
            return;
        }
        for (var row = removed; row < shown; row++)
        {
            foreach (var member in ProductMembers)
            {
                _values[Member(row, member)] = row + 1 < shown ? Value(Member(row + 1, member)) : "";
            }
        }
        _values["product_rows"] = Number(shown - 1);
    }

    public int CweRows => Math.Clamp(Count("cwe_rows", 2) + (Action == "add-cwe" ? 1 : 0), 1, 10);

    public static string Member(int row, string member) => $"product[{Number(row)}].{member}";

    public static string Row(string group, int row) => $"{group}[{Number(row)}]";

    /// <summary>The id of the element an input name is shown in.</summary>
    public static string IdOf(string name) => "f-" + name.Replace('[', '-').Replace("]", "", StringComparison.Ordinal).Replace('.', '-');

    /// <summary>The API's note body: empty inputs left out, lists split, the CVSS vectors the calculators hold.</summary>
    public JsonObject Body()
    {
        _productRows.Clear();
        _cweRows.Clear();
        _cvssFields.Clear();
        var body = new JsonObject();
        foreach (var field in TextFields)
        {
            if (Value(field).Trim() is { Length: > 0 } text)
            {
                body[field] = text;
            }
        }
        var cves = Split(Value("cve_ids"));
        if (cves.Count > 0)
        {
            body["cve_ids"] = new JsonArray([.. cves.Select(c => JsonValue.Create(c))]);
        }
        var cwes = new JsonArray();
        for (var row = 0; row < CweRows; row++)
        {
            if (Value(Row("cwe", row)).Trim() is { Length: > 0 } cwe)
            {
                cwes.Add(cwe);
                _cweRows.Add(row);
            }
        }
        if (cwes.Count > 0)
        {
            body["cwe_ids"] = cwes;
        }
        var vectors = new JsonArray();
        foreach (var field in CvssInput.Fields)
        {
            if (CvssInput.Resolve(this, field) is { Length: > 0 } vector)
            {
                vectors.Add(vector);
                _cvssFields.Add(field);
            }
        }
        if (vectors.Count > 0)
        {
            body["cvss"] = vectors;
        }
        var products = new JsonArray();
        foreach (var row in ProductRows)
        {
            if (ProductOf(row) is { } product)
            {
                products.Add(product);
                _productRows.Add(row);
            }
        }
        body["products"] = products;
        var references = new JsonArray();
        foreach (var line in Value("references").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var space = line.IndexOfAny([' ', '\t']);
            references.Add(space < 0 ? new JsonObject { ["url"] = line } : new JsonObject { ["url"] = line[..space], ["summary"] = line[(space + 1)..].Trim() });
        }
        if (references.Count > 0)
        {
            body["references"] = references;
        }
        foreach (var kept in Kept)
        {
            if (_stored?[kept] is { } value)
            {
                body[kept] = value.DeepClone();
            }
        }
        return body;
    }

    /// <summary>The form name of the input a body pointer's value came from, cut back to an input the page has; null when none.</summary>
    public string? NameOf(string pointer)
    {
        var segments = pointer.Split('/').Skip(1).ToArray();
        if (segments.Length == 0)
        {
            return null;
        }
        int? Index(int at) => segments.Length > at && int.TryParse(segments[at], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
        return segments[0] switch
        {
            var text when TextFields.Contains(text) => text,
            "cve_ids" or "references" => segments[0],
            "cwe_ids" => Index(1) is { } i && i < _cweRows.Count ? Row("cwe", _cweRows[i]) : Row("cwe", 0),
            "cvss" => Index(1) is { } i && i < _cvssFields.Count ? _cvssFields[i] : CvssInput.Fields[0],
            "products" when Index(1) is { } i && i < _productRows.Count =>
                Member(_productRows[i], segments.Length > 2 && ProductMembers.Contains(segments[2]) ? segments[2] : "product"),
            "products" => Member(ProductRows[0], "product"),
            _ => null,
        };
    }

    private JsonObject? ProductOf(int row)
    {
        var product = new JsonObject();
        foreach (var member in new[] { "vendor", "product", "platform", "purl", "cpe" })
        {
            if (Value(Member(row, member)).Trim() is { Length: > 0 } text)
            {
                product[member] = text;
            }
        }
        var affected = Split(Value(Member(row, "affected")), commas: false);
        var fixedVersions = Split(Value(Member(row, "fixed")));
        if (product.Count == 0 && affected.Count == 0 && fixedVersions.Count == 0)
        {
            return null;
        }
        product["affected"] = new JsonArray([.. affected.Select(a => JsonValue.Create(a))]);
        if (fixedVersions.Count > 0)
        {
            product["fixed"] = new JsonArray([.. fixedVersions.Select(f => JsonValue.Create(f))]);
        }
        return product;
    }

    // vers ranges hold commas in no scheme Vigil orders, but a range is split at white space only, to be safe.
    private static List<string> Split(string text, bool commas = true) =>
        [.. text.Split(commas ? [' ', '\t', '\r', '\n', ','] : [' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)];

    private int Count(string name, int fallback) =>
        int.TryParse(Value(name), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? Math.Clamp(count, 1, MaxRows) : fallback;

    private static IEnumerable<string> Strings(JsonNode? array) =>
        array is JsonArray items ? items.Select(i => i!.GetValueKind() == JsonValueKind.String ? i.GetValue<string>() : i.ToJsonString()) : [];

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
