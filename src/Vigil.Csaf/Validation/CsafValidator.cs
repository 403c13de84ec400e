using System.Text.Json;
using Vigil.Csaf.Schema;

namespace Vigil.Csaf.Validation;

/// <summary>Checks a CSAF 2.0 document: the JSON schema, then every mandatory test of section 6.1.</summary>
public static class CsafValidator
{
    /// <summary>How documents are parsed for validation (CSAF trees nest deeper than the reader's default allows).</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 128 };

    /// <summary>Validates a document given as UTF-8 bytes.</summary>
    /// <param name="utf8">The document exactly as received.</param>
    /// <returns>The report; a document that is not JSON fails with test <c>json</c>.</returns>
    public static CsafValidationReport Validate(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            return new CsafValidationReport([new CsafFinding("json", "", $"not JSON: {e.Message}")]);
        }
        using (parsed) { return Validate(parsed.RootElement); }
    }

    /// <summary>Validates a parsed document.</summary>
    /// <param name="document">The document's root.</param>
    /// <returns>The schema's findings followed by each mandatory test's, in the order of the specification.</returns>
    public static CsafValidationReport Validate(JsonElement document)
    {
        var findings = new List<CsafFinding>(CsafSchemaValidator.Instance.Validate(document));
        if (document.ValueKind != JsonValueKind.Object) { return new CsafValidationReport(findings); }
        foreach (var test in MandatoryTestSet.All)
        {
            findings.AddRange(test.Run(document));
        }
        return new CsafValidationReport(findings);
    }
}
