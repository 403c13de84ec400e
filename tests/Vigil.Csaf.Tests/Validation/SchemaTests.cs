using System.Text;
using System.Text.Json.Nodes;
using Vigil.Csaf.Validation;

namespace Vigil.Csaf.Tests.Validation;

public class SchemaTests
{
    private static readonly string Valid = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Broken", "valid.json"));

    [Fact]
    public void A_document_without_title_fails_the_schema_at_the_document()
    {
        var document = JsonNode.Parse(Valid)!;
        document["document"]!.AsObject().Remove("title");

        var report = CsafValidator.Validate(Encoding.UTF8.GetBytes(document.ToJsonString()));

        Assert.Contains(report.Findings, f => f.Test == "schema" && f.Path == "/document");
    }

    [Fact]
    public void A_cvss_v2_object_is_checked_against_the_first_schema()
    {
        var document = JsonNode.Parse(Valid)!;
        document["vulnerabilities"]![0]!["scores"] = JsonNode.Parse("""
            [{ "products": ["CSAFPID-0001"], "cvss_v2": { "version": "2.0", "vectorString": "AV:N/AC:L/Au:N/C:C/I:C/A:C", "baseScore": 11 } }]
            """);

        var report = CsafValidator.Validate(Encoding.UTF8.GetBytes(document.ToJsonString()));

        Assert.Contains(report.Findings, f => f.Test == "6.1.8" && f.Path == "/vulnerabilities/0/scores/0/cvss_v2");
        Assert.Contains(report.Findings, f => f.Test == "6.1.9" && f.Path == "/vulnerabilities/0/scores/0/cvss_v2/baseScore");
    }

    [Fact]
    public void A_consistent_cvss_v2_object_passes()
    {
        var document = JsonNode.Parse(Valid)!;
        document["vulnerabilities"]![0]!["scores"] = JsonNode.Parse("""
            [{ "products": ["CSAFPID-0001"], "cvss_v2": { "version": "2.0", "vectorString": "AV:N/AC:L/Au:N/C:C/I:C/A:C", "baseScore": 10, "accessVector": "NETWORK" } }]
            """);

        var report = CsafValidator.Validate(Encoding.UTF8.GetBytes(document.ToJsonString()));

        Assert.True(report.IsValid, string.Join("\n", report.Findings));
    }

    [Fact]
    public void Bytes_that_are_not_json_fail_as_json()
    {
        var report = CsafValidator.Validate("{ not json"u8.ToArray());

        Assert.Equal(["json"], report.FailedTests);
    }
}
